package dev.vigil.sources.rtsp;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checkpoint format of {@link CameraAssignments}. Version 1: count and ids of the assigned cameras
 * (sorted), then count and pending splits in split format 1.
 */
public final class CameraAssignmentsSerializer implements SimpleVersionedSerializer<CameraAssignments> {

    public static final CameraAssignmentsSerializer INSTANCE = new CameraAssignmentsSerializer();

    @Override
    public int getVersion() {
        return CameraSplitSerializer.VERSION;
    }

    @Override
    public byte[] serialize(CameraAssignments state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        List<String> assigned = new ArrayList<>(state.assigned());
        assigned.sort(null);
        out.writeInt(assigned.size());
        for (String id : assigned) {
            out.writeUTF(id);
        }
        out.writeInt(state.pending().size());
        for (CameraSplit split : state.pending()) {
            CameraSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public CameraAssignments deserialize(int version, byte[] serialized) throws IOException {
        CameraSplitSerializer.checkVersion(version);
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int assignedCount = in.readInt();
        Set<String> assigned = new LinkedHashSet<>();
        for (int i = 0; i < assignedCount; i++) {
            assigned.add(in.readUTF());
        }
        int pendingCount = in.readInt();
        List<CameraSplit> pending = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            pending.add(CameraSplitSerializer.read(in));
        }
        return new CameraAssignments(assigned, pending);
    }
}
