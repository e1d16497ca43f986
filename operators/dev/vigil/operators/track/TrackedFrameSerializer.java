package dev.vigil.operators.track;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializer for {@link TrackedFrame}. */
public final class TrackedFrameSerializer extends ImmutableRecordSerializer<TrackedFrame> {

    private static final long serialVersionUID = 1L;

    public static final TrackedFrameSerializer INSTANCE = new TrackedFrameSerializer();

    private static final TrackState[] STATES = TrackState.values();

    @Override
    public TrackedFrame createInstance() {
        return new TrackedFrame("", 0, 0, 0, 0, List.of());
    }

    @Override
    public void serialize(TrackedFrame record, DataOutputView out) throws IOException {
        out.writeUTF(record.cameraId());
        out.writeLong(record.sequence());
        out.writeLong(record.timestampMillis());
        out.writeInt(record.width());
        out.writeInt(record.height());
        out.writeInt(record.objects().size());
        for (TrackedObject o : record.objects()) {
            out.writeLong(o.trackId());
            out.writeInt(o.classId());
            out.writeUTF(o.label());
            out.writeFloat(o.score());
            out.writeFloat(o.x1());
            out.writeFloat(o.y1());
            out.writeFloat(o.x2());
            out.writeFloat(o.y2());
            out.writeFloat(o.vx());
            out.writeFloat(o.vy());
            out.writeLong(o.ageFrames());
            out.writeByte(o.state().ordinal());
        }
    }

    @Override
    public TrackedFrame deserialize(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        int count = in.readInt();
        List<TrackedObject> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            objects.add(new TrackedObject(in.readLong(), in.readInt(), in.readUTF(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readLong(), STATES[in.readByte()]));
        }
        return new TrackedFrame(cameraId, sequence, timestamp, width, height, objects);
    }

    @Override
    public TypeSerializerSnapshot<TrackedFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TrackedFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
