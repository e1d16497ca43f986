package dev.vigil.sources.file;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Checkpoint format of a {@link VideoSplit}. Version 1: camera id, path, then the position. */
public final class VideoSplitSerializer implements SimpleVersionedSerializer<VideoSplit> {

    public static final VideoSplitSerializer INSTANCE = new VideoSplitSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(VideoSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public VideoSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown VideoSplit serializer version " + version + " (this code reads " + VERSION + ")");
        }
        return read(new DataInputDeserializer(serialized));
    }

    static void write(VideoSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.cameraId());
        out.writeUTF(split.path());
        ReadPosition p = split.position();
        out.writeLong(p.nextFrame());
        out.writeInt(p.completedLoops());
        out.writeLong(p.sequenceBase());
        out.writeLong(p.timeOffsetMillis());
        out.writeLong(p.emittedFrames());
        out.writeLong(p.lastTimestampMillis());
        out.writeBoolean(p.finished());
    }

    static VideoSplit read(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        String path = in.readUTF();
        ReadPosition position = new ReadPosition(
                in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readBoolean());
        return new VideoSplit(cameraId, path, position);
    }
}
