package dev.vigil.sources.types;

import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link Frame}: a fixed header followed by the raw pixel bytes. */
public final class FrameSerializer extends ImmutableRecordSerializer<Frame> {

    private static final long serialVersionUID = 1L;

    public static final FrameSerializer INSTANCE = new FrameSerializer();

    private static final PixelLayout[] LAYOUTS = PixelLayout.values();

    @Override
    public Frame createInstance() {
        return Frame.damaged("", 0, 0, "empty");
    }

    @Override
    public void serialize(Frame frame, DataOutputView out) throws IOException {
        out.writeUTF(frame.cameraId());
        out.writeLong(frame.sequence());
        out.writeLong(frame.timestampMillis());
        out.writeLong(frame.ingestTimeMillis());
        out.writeInt(frame.width());
        out.writeInt(frame.height());
        out.writeByte(frame.layout().ordinal());
        writeNullableString(frame.damage(), out);
        byte[] pixels = frame.pixels();
        out.writeInt(pixels.length);
        out.write(pixels);
    }

    @Override
    public Frame deserialize(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        long ingest = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        PixelLayout layout = LAYOUTS[in.readByte()];
        String damage = readNullableString(in);
        byte[] pixels = new byte[in.readInt()];
        in.readFully(pixels);
        return new Frame(cameraId, sequence, timestamp, ingest, width, height, layout, pixels, damage);
    }

    @Override
    public TypeSerializerSnapshot<Frame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Frame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
