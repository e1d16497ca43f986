package dev.vigil.sources.rtsp;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Checkpoint format of a {@link CameraSplit}. Version 1: camera id, next sequence number. */
public final class CameraSplitSerializer implements SimpleVersionedSerializer<CameraSplit> {

    public static final CameraSplitSerializer INSTANCE = new CameraSplitSerializer();

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(CameraSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(32);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraSplit deserialize(int version, byte[] serialized) throws IOException {
        checkVersion(version);
        return read(new DataInputDeserializer(serialized));
    }

    static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown camera split format " + version + " (this code reads " + VERSION + ")");
        }
    }

    static void write(CameraSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.cameraId());
        out.writeLong(split.nextSequence());
    }

    static CameraSplit read(DataInputView in) throws IOException {
        return new CameraSplit(in.readUTF(), in.readLong());
    }
}
