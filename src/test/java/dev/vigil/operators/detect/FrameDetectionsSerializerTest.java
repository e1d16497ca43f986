package dev.vigil.operators.detect;

import dev.vigil.models.Detection;
import dev.vigil.sources.CameraMotion;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameDetectionsSerializerTest extends SerializerTestBase<FrameDetections> {

    @Override
    protected TypeSerializer<FrameDetections> createSerializer() {
        return FrameDetectionsSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<FrameDetections> getTypeClass() {
        return FrameDetections.class;
    }

    @Override
    protected FrameDetections[] getTestData() {
        FrameDetections.Timing timing = new FrameDetections.Timing(1_700_000_000_000L, 1_700_000_000_040L, 4, 900, 12_000, 150);
        return new FrameDetections[] {
            new FrameDetections("street", 0, 0, 640, 352, "nanodet-plus-m-320", List.of(), timing),
            new FrameDetections("gate-ü", 12_345, 514_000, 1920, 1080, "yolov6lite-s",
                    List.of(new Detection(2, "car", 0.91f, 10.5f, 20f, 300f, 200.25f),
                            new Detection(0, "person", 0.35f, 0f, 0f, 1920f, 1080f)),
                    timing),
            new FrameDetections("drone", 77, 3_080, 1920, 1080, "m", List.of(), timing,
                    new CameraMotion(70, -35.25, 12.5)),
            new FrameDetections("drone-4k", 78, 3_120, 3840, 2160, "m",
                    List.of(new Detection(0, "person", 0.6f, 3000f, 2000f, 3010f, 2030f)),
                    new FrameDetections.Timing(1_700_000_000_000L, 1_700_000_000_300L, 2, 9_000, 250_000, 4_000, 84,
                            86),
                    null)
        };
    }

    /** What format 1 (before camera motion) wrote, field by field. */
    private static byte[] formatOne() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("street");
        out.writeLong(5);
        out.writeLong(200);
        out.writeInt(640);
        out.writeInt(352);
        out.writeUTF("m");
        out.writeInt(1);
        out.writeInt(2);
        out.writeUTF("car");
        out.writeFloat(0.9f);
        out.writeFloat(1);
        out.writeFloat(2);
        out.writeFloat(3);
        out.writeFloat(4);
        for (int i = 0; i < 2; i++) {
            out.writeLong(10 + i);
        }
        out.writeInt(1);
        for (int i = 0; i < 3; i++) {
            out.writeLong(20 + i);
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void theSimpleSnapshotsStateReadsAsFormatOneWithoutMotion() throws Exception {
        TypeSerializerSnapshot<FrameDetections> old = new FrameDetectionsSerializer.Snapshot();
        old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

        FrameDetections read = old.restoreSerializer().deserialize(new DataInputDeserializer(formatOne()));

        assertThat(read.sequence()).isEqualTo(5);
        assertThat(read.detections()).containsExactly(new Detection(2, "car", 0.9f, 1, 2, 3, 4));
        assertThat(read.timing().postprocessMicros()).isEqualTo(22);
        assertThat(read.motion()).isNull();
        assertThat(new FrameDetectionsSerializer.Snapshot().resolveSchemaCompatibility(old).isCompatibleAfterMigration())
                .isTrue();
    }

    @Test
    void formatTwoReadsAsAFrameThatWentWhole() throws Exception {
        TypeSerializerSnapshot<FrameDetections> formatTwo = new FrameDetectionsSerializer.Snapshot();
        // Format n is snapshot version n + 2 (see VersionedRecordSerializer).
        formatTwo.readSnapshot(4, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.write(formatOne());
        CameraMotion.writeNullable(new CameraMotion(3, 1.5, -2), out);

        FrameDetections read = formatTwo.restoreSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read.motion()).isEqualTo(new CameraMotion(3, 1.5, -2));
        assertThat(read.timing().tiles()).isZero();
        assertThat(read.timing().batchInputs()).isEqualTo(read.timing().batchSize()).isEqualTo(1);
        assertThat(new FrameDetectionsSerializer.Snapshot().resolveSchemaCompatibility(formatTwo)
                .isCompatibleAfterMigration()).isTrue();
    }

    @Test
    void todaysSnapshotReadsTodaysFormat() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, FrameDetectionsSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<FrameDetections> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(read.restoreSerializer()).isEqualTo(FrameDetectionsSerializer.INSTANCE);
        assertThat(FrameDetectionsSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(read)
                .isCompatibleAsIs()).isTrue();
    }
}
