package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializer for {@link CountsRecord}. */
public final class CountsRecordSerializer extends ImmutableRecordSerializer<CountsRecord> {

    private static final long serialVersionUID = 1L;

    public static final CountsRecordSerializer INSTANCE = new CountsRecordSerializer();

    @Override
    public CountsRecord createInstance() {
        return new CountsRecord("", 0, 0, "", 0, 0, List.of(), List.of());
    }

    @Override
    public void serialize(CountsRecord r, DataOutputView out) throws IOException {
        out.writeUTF(r.cameraId());
        out.writeLong(r.windowStart());
        out.writeLong(r.windowEnd());
        out.writeUTF(r.label());
        out.writeLong(r.distinctTracks());
        out.writeLong(r.frames());
        out.writeInt(r.lines().size());
        for (CountsRecord.LineCount l : r.lines()) {
            out.writeUTF(l.line());
            out.writeLong(l.in());
            out.writeLong(l.out());
        }
        out.writeInt(r.zones().size());
        for (CountsRecord.ZoneStat z : r.zones()) {
            out.writeUTF(z.zone());
            out.writeInt(z.max());
            out.writeDouble(z.avg());
        }
    }

    @Override
    public CountsRecord deserialize(DataInputView in) throws IOException {
        String camera = in.readUTF();
        long start = in.readLong();
        long end = in.readLong();
        String label = in.readUTF();
        long tracks = in.readLong();
        long frames = in.readLong();
        int n = in.readInt();
        List<CountsRecord.LineCount> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new CountsRecord.LineCount(in.readUTF(), in.readLong(), in.readLong()));
        }
        n = in.readInt();
        List<CountsRecord.ZoneStat> zones = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            zones.add(new CountsRecord.ZoneStat(in.readUTF(), in.readInt(), in.readDouble()));
        }
        return new CountsRecord(camera, start, end, label, tracks, frames, lines, zones);
    }

    @Override
    public TypeSerializerSnapshot<CountsRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CountsRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
