package dev.vigil.operators.analytics;

import dev.vigil.operators.analytics.CameraAnalyticsState.LineMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.TrackMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.ZoneMemory;

import dev.vigil.sources.serialization.VersionedStateSerializer;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.Map;

/**
 * Checkpoint format of {@link CameraAnalyticsState}, versioned by its {@link Snapshot}.
 *
 * <p>Format version 1: last sequence; track count, then per track: id, last seen sequence and
 * timestamp, label; line count, then per line: name, committed side (byte), run count, touched,
 * last anchor x and y (doubles); zone count, then per zone: name, inside, run count, run start and
 * entry timestamps, loitering reported. A later format bumps {@link #CURRENT_VERSION}; the snapshot
 * then restores a serializer that reads the old format, and Flink migrates the state on restore.
 */
public final class CameraAnalyticsStateSerializer extends VersionedStateSerializer<CameraAnalyticsState> {

    private static final long serialVersionUID = 1L;

    /** Format written by this code. */
    public static final int CURRENT_VERSION = 1;

    public CameraAnalyticsStateSerializer() {
        this(CURRENT_VERSION);
    }

    /** A serializer that reads format {@code readVersion} (and writes the current one). */
    CameraAnalyticsStateSerializer(int readVersion) {
        super("analytics state", CURRENT_VERSION, readVersion);
    }

    @Override
    public CameraAnalyticsState createInstance() {
        return new CameraAnalyticsState();
    }

    @Override
    public CameraAnalyticsState copy(CameraAnalyticsState from) {
        return from.copy();
    }

    @Override
    public void serialize(CameraAnalyticsState s, DataOutputView out) throws IOException {
        out.writeLong(s.lastSequence);
        out.writeInt(s.tracks.size());
        for (Map.Entry<Long, TrackMemory> e : s.tracks.entrySet()) {
            TrackMemory t = e.getValue();
            out.writeLong(e.getKey());
            out.writeLong(t.lastSeenSequence);
            out.writeLong(t.lastSeenTimestamp);
            out.writeUTF(t.label);
            out.writeInt(t.lines.size());
            for (Map.Entry<String, LineMemory> l : t.lines.entrySet()) {
                LineMemory m = l.getValue();
                out.writeUTF(l.getKey());
                out.writeByte(m.committedSide);
                out.writeInt(m.runCount);
                out.writeBoolean(m.touched);
                out.writeDouble(m.lastX);
                out.writeDouble(m.lastY);
            }
            out.writeInt(t.zones.size());
            for (Map.Entry<String, ZoneMemory> z : t.zones.entrySet()) {
                ZoneMemory m = z.getValue();
                out.writeUTF(z.getKey());
                out.writeBoolean(m.inside);
                out.writeInt(m.runCount);
                out.writeLong(m.runStartTimestamp);
                out.writeLong(m.entryTimestamp);
                out.writeBoolean(m.loiteringReported);
            }
        }
    }

    @Override
    public CameraAnalyticsState deserialize(DataInputView in) throws IOException {
        // Only format 1 exists so far; readVersion selects the reader when there are more.
        CameraAnalyticsState s = new CameraAnalyticsState();
        s.lastSequence = in.readLong();
        int tracks = in.readInt();
        for (int i = 0; i < tracks; i++) {
            long id = in.readLong();
            TrackMemory t = new TrackMemory();
            t.lastSeenSequence = in.readLong();
            t.lastSeenTimestamp = in.readLong();
            t.label = in.readUTF();
            int lines = in.readInt();
            for (int k = 0; k < lines; k++) {
                String name = in.readUTF();
                LineMemory m = new LineMemory();
                m.committedSide = in.readByte();
                m.runCount = in.readInt();
                m.touched = in.readBoolean();
                m.lastX = in.readDouble();
                m.lastY = in.readDouble();
                t.lines.put(name, m);
            }
            int zones = in.readInt();
            for (int k = 0; k < zones; k++) {
                String name = in.readUTF();
                ZoneMemory m = new ZoneMemory();
                m.inside = in.readBoolean();
                m.runCount = in.readInt();
                m.runStartTimestamp = in.readLong();
                m.entryTimestamp = in.readLong();
                m.loiteringReported = in.readBoolean();
                t.zones.put(name, m);
            }
            s.tracks.put(id, t);
        }
        return s;
    }

    @Override
    public TypeSerializerSnapshot<CameraAnalyticsState> snapshotConfiguration() {
        return new Snapshot(CURRENT_VERSION);
    }

    /** Records the state format version in checkpoints and savepoints. */
    public static final class Snapshot extends VersionedStateSerializer.Snapshot<CameraAnalyticsState> {

        /** For reading a snapshot (Flink instantiates it reflectively). */
        public Snapshot() {
            this(CURRENT_VERSION);
        }

        Snapshot(int version) {
            super("analytics state", CURRENT_VERSION, CameraAnalyticsStateSerializer::new, version);
        }
    }
}
