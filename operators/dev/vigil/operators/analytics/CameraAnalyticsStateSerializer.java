package dev.vigil.operators.analytics;

import dev.vigil.operators.analytics.CameraAnalyticsState.LineMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.TrackMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.ZoneMemory;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
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
public final class CameraAnalyticsStateSerializer extends TypeSerializer<CameraAnalyticsState> {

    private static final long serialVersionUID = 1L;

    /** Format written by this code. */
    public static final int CURRENT_VERSION = 1;

    private final int readVersion;

    public CameraAnalyticsStateSerializer() {
        this(CURRENT_VERSION);
    }

    /** A serializer that reads format {@code readVersion} (and writes the current one). */
    CameraAnalyticsStateSerializer(int readVersion) {
        if (readVersion < 1 || readVersion > CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown analytics state format " + readVersion);
        }
        this.readVersion = readVersion;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<CameraAnalyticsState> duplicate() {
        return this; // stateless
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
    public CameraAnalyticsState copy(CameraAnalyticsState from, CameraAnalyticsState reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
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
    public CameraAnalyticsState deserialize(CameraAnalyticsState reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraAnalyticsStateSerializer && ((CameraAnalyticsStateSerializer) o).readVersion == readVersion;
    }

    @Override
    public int hashCode() {
        return 31 * CameraAnalyticsStateSerializer.class.hashCode() + readVersion;
    }

    @Override
    public TypeSerializerSnapshot<CameraAnalyticsState> snapshotConfiguration() {
        return new Snapshot(CURRENT_VERSION);
    }

    /** Records the state format version in checkpoints and savepoints. */
    public static final class Snapshot implements TypeSerializerSnapshot<CameraAnalyticsState> {

        private int version;

        /** For reading a snapshot (Flink instantiates it reflectively). */
        public Snapshot() {
            this(CURRENT_VERSION);
        }

        Snapshot(int version) {
            this.version = version;
        }

        @Override
        public int getCurrentVersion() {
            return CURRENT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // The version that Flink writes before this snapshot is all the configuration there is.
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion < 1 || readVersion > CURRENT_VERSION) {
                throw new IOException("analytics state format " + readVersion + " is newer than this code ("
                        + CURRENT_VERSION + ")");
            }
            this.version = readVersion;
        }

        @Override
        public TypeSerializer<CameraAnalyticsState> restoreSerializer() {
            return new CameraAnalyticsStateSerializer(version);
        }

        @Override
        public TypeSerializerSchemaCompatibility<CameraAnalyticsState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<CameraAnalyticsState> oldSnapshot) {
            if (!(oldSnapshot instanceof Snapshot)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            int old = ((Snapshot) oldSnapshot).version;
            if (old == version) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return old < version
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
