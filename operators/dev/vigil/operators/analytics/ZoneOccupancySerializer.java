package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Serializer for {@link ZoneOccupancy}. */
public final class ZoneOccupancySerializer extends ImmutableRecordSerializer<ZoneOccupancy> {

    private static final long serialVersionUID = 1L;

    public static final ZoneOccupancySerializer INSTANCE = new ZoneOccupancySerializer();

    @Override
    public ZoneOccupancy createInstance() {
        return new ZoneOccupancy("", 0, 0, "", Map.of());
    }

    @Override
    public void serialize(ZoneOccupancy z, DataOutputView out) throws IOException {
        out.writeUTF(z.cameraId());
        out.writeLong(z.sequence());
        out.writeLong(z.timestampMillis());
        out.writeUTF(z.zone());
        out.writeInt(z.countsByClass().size());
        for (Map.Entry<String, Integer> e : z.countsByClass().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    @Override
    public ZoneOccupancy deserialize(DataInputView in) throws IOException {
        String camera = in.readUTF();
        long sequence = in.readLong();
        long ts = in.readLong();
        String zone = in.readUTF();
        int n = in.readInt();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            counts.put(in.readUTF(), in.readInt());
        }
        return new ZoneOccupancy(camera, sequence, ts, zone, counts);
    }

    @Override
    public TypeSerializerSnapshot<ZoneOccupancy> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ZoneOccupancy> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
