package dev.vigil.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import org.junit.jupiter.api.Test;

/** State written before frames could stand for a gap (format 1) restores, and is migrated. */
class FrameSerializerFormatsTest {

    /** What format 1 wrote for a damaged frame, field by field. */
    private static byte[] damagedFrameOfFormatOne() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("street");
        out.writeLong(412);
        out.writeLong(17_166);
        out.writeLong(1_700_000_000_000L);
        out.writeInt(0);
        out.writeInt(0);
        out.writeByte(PixelLayout.BGR24.ordinal());
        out.writeBoolean(true);
        out.writeUTF("stream ended at frame 412");
        out.writeInt(0);
        return out.getCopyOfBuffer();
    }

    @Test
    void aSnapshotOfTheSimpleSnapshotsTimeReadsFormatOne() throws Exception {
        for (TypeSerializerSnapshot<Frame> old : new TypeSerializerSnapshot[] {
                new FrameSerializer.Snapshot(), new dev.vigil.sources.types.FrameSerializer.Snapshot()}) {
            old.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
            TypeSerializer<Frame> restored = old.restoreSerializer();

            Frame frame = restored.deserialize(new DataInputDeserializer(damagedFrameOfFormatOne()));

            assertThat(frame.damage()).isEqualTo("stream ended at frame 412");
            assertThat(frame.sequence()).isEqualTo(412);
            assertThat(frame.lastSequence()).isEqualTo(412);
            assertThat(frame.lostFrames()).isEqualTo(1);
            assertThat(new FrameSerializer.Snapshot().resolveSchemaCompatibility(old).isCompatibleAfterMigration())
                    .as("format 1 state is read with the old format and written anew")
                    .isTrue();
        }
    }

    @Test
    void todaysSnapshotReadsTodaysFormat() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, FrameSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<Frame> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(read.restoreSerializer()).isEqualTo(FrameSerializer.INSTANCE);
        assertThat(FrameSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void formatTwoHasNoMotion() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("cam");
        out.writeLong(3);
        out.writeLong(120);
        out.writeLong(1_700_000_000_000L);
        out.writeInt(1);
        out.writeInt(1);
        out.writeByte(PixelLayout.BGR24.ordinal());
        out.writeBoolean(false);
        out.writeInt(3);
        out.write(new byte[] {1, 2, 3});
        FrameSerializer.Snapshot old = new FrameSerializer.Snapshot();
        old.readSnapshot(4, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

        Frame frame = old.restoreSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(frame.pixels()).containsExactly(1, 2, 3);
        assertThat(frame.motion()).isNull();
        assertThat(new FrameSerializer.Snapshot().resolveSchemaCompatibility(old).isCompatibleAfterMigration()).isTrue();
    }
}
