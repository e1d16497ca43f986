package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Serializer for {@link FrameSummary}. */
public final class FrameSummarySerializer extends ImmutableRecordSerializer<FrameSummary> {

    private static final long serialVersionUID = 1L;

    public static final FrameSummarySerializer INSTANCE = new FrameSummarySerializer();

    @Override
    public FrameSummary createInstance() {
        return new FrameSummary("", 0, 0, Map.of(), List.of(), List.of());
    }

    @Override
    public void serialize(FrameSummary f, DataOutputView out) throws IOException {
        out.writeUTF(f.cameraId());
        out.writeLong(f.sequence());
        out.writeLong(f.timestampMillis());
        out.writeInt(f.tracks().size());
        for (Map.Entry<Long, String> e : f.tracks().entrySet()) {
            out.writeLong(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(f.crossings().size());
        for (FrameSummary.Crossing c : f.crossings()) {
            out.writeUTF(c.line());
            out.writeUTF(c.label());
            out.writeBoolean(c.in());
        }
        out.writeInt(f.zones().size());
        for (ZoneOccupancy z : f.zones()) {
            ZoneOccupancySerializer.INSTANCE.serialize(z, out);
        }
    }

    @Override
    public FrameSummary deserialize(DataInputView in) throws IOException {
        String camera = in.readUTF();
        long sequence = in.readLong();
        long ts = in.readLong();
        int n = in.readInt();
        Map<Long, String> tracks = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            tracks.put(in.readLong(), in.readUTF());
        }
        n = in.readInt();
        List<FrameSummary.Crossing> crossings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            crossings.add(new FrameSummary.Crossing(in.readUTF(), in.readUTF(), in.readBoolean()));
        }
        n = in.readInt();
        List<ZoneOccupancy> zones = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            zones.add(ZoneOccupancySerializer.INSTANCE.deserialize(in));
        }
        return new FrameSummary(camera, sequence, ts, tracks, crossings, zones);
    }

    @Override
    public TypeSerializerSnapshot<FrameSummary> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FrameSummary> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
