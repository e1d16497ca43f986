package dev.vigil.sources.file;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Checkpoint format of {@link PendingVideoSplits}. Version 1: a count, then each split as version 1. */
public final class PendingVideoSplitsSerializer implements SimpleVersionedSerializer<PendingVideoSplits> {

    public static final PendingVideoSplitsSerializer INSTANCE = new PendingVideoSplitsSerializer();

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(PendingVideoSplits state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(state.splits().size());
        for (VideoSplit split : state.splits()) {
            VideoSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public PendingVideoSplits deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException(
                    "unknown PendingVideoSplits serializer version " + version + " (this code reads " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        List<VideoSplit> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            splits.add(VideoSplitSerializer.read(in));
        }
        return new PendingVideoSplits(splits);
    }
}
