package dev.vigil.operators.detect;

import dev.vigil.models.Detection;
import dev.vigil.sources.CameraMotion;
import dev.vigil.sources.serialization.VersionedRecordSerializer;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serializer for {@link FrameDetections}.
 *
 * <p>Format 3 adds, after the camera's motion, the frame's tiles and its batch's model inputs (sliced inference).
 * Format 2 adds, after the timing, the camera's motion: a flag, then origin sequence and offsets when there
 * is one. Format 1 (what this serializer wrote while its snapshot was Flink's simple one) has none. Records of
 * the older formats read as frames that went to the model whole.
 */
public final class FrameDetectionsSerializer extends VersionedRecordSerializer<FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** The format this code writes. */
    public static final int CURRENT_FORMAT = 3;

    public static final FrameDetectionsSerializer INSTANCE = new FrameDetectionsSerializer(CURRENT_FORMAT);

    private FrameDetectionsSerializer(int readFormat) {
        super(CURRENT_FORMAT, readFormat);
    }

    /** The serializer that reads format {@code format}. */
    public static FrameDetectionsSerializer reading(int format) {
        if (format < 1 || format > CURRENT_FORMAT) {
            throw new IllegalArgumentException("unknown frame detections format " + format + " (current: "
                    + CURRENT_FORMAT + ")");
        }
        return format == CURRENT_FORMAT ? INSTANCE : new FrameDetectionsSerializer(format);
    }

    private static final FrameDetections.Timing NO_TIMING = new FrameDetections.Timing(0, 0, 0, 0, 0, 0);

    @Override
    public FrameDetections createInstance() {
        return new FrameDetections("", 0, 0, 0, 0, "", List.of(), NO_TIMING);
    }

    @Override
    public void serialize(FrameDetections record, DataOutputView out) throws IOException {
        out.writeUTF(record.cameraId());
        out.writeLong(record.sequence());
        out.writeLong(record.timestampMillis());
        out.writeInt(record.width());
        out.writeInt(record.height());
        out.writeUTF(record.model());
        out.writeInt(record.detections().size());
        for (Detection d : record.detections()) {
            out.writeInt(d.classId());
            out.writeUTF(d.label());
            out.writeFloat(d.score());
            out.writeFloat(d.x1());
            out.writeFloat(d.y1());
            out.writeFloat(d.x2());
            out.writeFloat(d.y2());
        }
        FrameDetections.Timing t = record.timing();
        out.writeLong(t.ingestTimeMillis());
        out.writeLong(t.detectedAtMillis());
        out.writeInt(t.batchSize());
        out.writeLong(t.preprocessMicros());
        out.writeLong(t.inferenceMicros());
        out.writeLong(t.postprocessMicros());
        CameraMotion.writeNullable(record.motion(), out);
        out.writeInt(t.tiles());
        out.writeInt(t.batchInputs());
    }

    @Override
    public FrameDetections deserialize(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        String model = in.readUTF();
        int count = in.readInt();
        List<Detection> detections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            detections.add(new Detection(
                    in.readInt(), in.readUTF(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat()));
        }
        long ingest = in.readLong();
        long detectedAt = in.readLong();
        int batchSize = in.readInt();
        long preprocess = in.readLong();
        long inference = in.readLong();
        long postprocess = in.readLong();
        CameraMotion motion = readFormat() >= 2 ? CameraMotion.readNullable(in) : null;
        FrameDetections.Timing timing = readFormat() >= 3
                ? new FrameDetections.Timing(ingest, detectedAt, batchSize, preprocess, inference, postprocess,
                        in.readInt(), in.readInt())
                : new FrameDetections.Timing(ingest, detectedAt, batchSize, preprocess, inference, postprocess);
        return new FrameDetections(cameraId, sequence, timestamp, width, height, model, detections, timing, motion);
    }

    @Override
    public TypeSerializerSnapshot<FrameDetections> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends VersionedRecordSerializer.Snapshot<FrameDetections> {
        public Snapshot() {
            super("frame detections", CURRENT_FORMAT, FrameDetectionsSerializer::reading);
        }
    }
}
