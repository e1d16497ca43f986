package dev.vigil.operators.track;

import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.FrameDetectionsSerializer;
import dev.vigil.sources.CameraMotion;

import dev.vigil.sources.serialization.VersionedStateSerializer;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Checkpoint format of {@link CameraTrackingState}, versioned by its {@link Snapshot}.
 *
 * <p>Format version 1: last sequence, reorder and idle timer (longs); tracker: next id, last frame,
 * track count, then per track id, class id, label, score, 8 mean and 64 covariance doubles, state
 * ordinal, hits, start frame, last match frame; then the waiting frames (count, then each as
 * {@link FrameDetectionsSerializer} writes it).
 *
 * <p>Format version 2 adds, after the tracker's last frame, the last frame's event time and the measured
 * frame interval (double); per track, after the last match frame, the filter right after the last
 * observation (8 + 64 doubles), the last observation (4 doubles), the direction (2 doubles) and the recent
 * observations (count, then frame, x, y each); after the waiting frames, the last camera motion (a flag, then
 * origin, x, y). The count of waiting frames is followed by the {@link FrameDetectionsSerializer} format they
 * are written in (a byte), so that format can change without this one. Tracks of format 1
 * restore with their current filter as the observed one and no direction or recent observations.
 *
 * <p>A later format bumps {@link #CURRENT_VERSION};
 * the snapshot then restores a serializer that reads the old format, and Flink migrates the
 * state on restore.
 */
public final class CameraTrackingStateSerializer extends VersionedStateSerializer<CameraTrackingState> {

    private static final long serialVersionUID = 1L;

    /** Format written by this code. */
    public static final int CURRENT_VERSION = 2;

    private static final TrackState[] STATES = TrackState.values();

    public CameraTrackingStateSerializer() {
        this(CURRENT_VERSION);
    }

    /** A serializer that reads format {@code readVersion} (and writes the current one). */
    CameraTrackingStateSerializer(int readVersion) {
        super("tracking state", CURRENT_VERSION, readVersion);
    }

    @Override
    public CameraTrackingState createInstance() {
        return new CameraTrackingState();
    }

    @Override
    public CameraTrackingState copy(CameraTrackingState from) {
        return from.copy();
    }

    @Override
    public void serialize(CameraTrackingState s, DataOutputView out) throws IOException {
        out.writeLong(s.lastSequence);
        out.writeLong(s.reorderTimer);
        out.writeLong(s.idleTimer);
        TrackerState t = s.tracker;
        out.writeLong(t.nextId);
        out.writeLong(t.lastFrame);
        out.writeLong(t.lastTimestamp);
        out.writeDouble(t.frameMillis);
        out.writeInt(t.tracks.size());
        for (Track track : t.tracks) {
            out.writeLong(track.id);
            out.writeInt(track.classId);
            out.writeUTF(track.label);
            out.writeFloat(track.score);
            for (double v : track.mean) {
                out.writeDouble(v);
            }
            for (double v : track.cov) {
                out.writeDouble(v);
            }
            out.writeByte(track.state.ordinal());
            out.writeInt(track.hits);
            out.writeLong(track.startFrame);
            out.writeLong(track.lastMatchFrame);
            writeDoubles(track.observedMean, out);
            writeDoubles(track.observedCov, out);
            writeDoubles(track.lastObservation, out);
            out.writeDouble(track.directionX);
            out.writeDouble(track.directionY);
            out.writeByte(track.historySize);
            for (int i = 0; i < track.historySize; i++) {
                out.writeLong(track.historyFrame[i]);
                out.writeDouble(track.historyX[i]);
                out.writeDouble(track.historyY[i]);
            }
        }
        out.writeInt(s.pending.size());
        out.writeByte(FrameDetectionsSerializer.CURRENT_FORMAT);
        for (FrameDetections f : s.pending.values()) {
            FrameDetectionsSerializer.INSTANCE.serialize(f, out);
        }
        CameraMotion.writeNullable(s.lastMotion, out);
    }

    private static void writeDoubles(double[] values, DataOutputView out) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static void readDoubles(double[] values, DataInputView in) throws IOException {
        for (int k = 0; k < values.length; k++) {
            values[k] = in.readDouble();
        }
    }

    @Override
    public CameraTrackingState deserialize(DataInputView in) throws IOException {
        boolean v2 = readVersion() >= 2;
        CameraTrackingState s = new CameraTrackingState();
        s.lastSequence = in.readLong();
        s.reorderTimer = in.readLong();
        s.idleTimer = in.readLong();
        TrackerState t = s.tracker;
        t.nextId = in.readLong();
        t.lastFrame = in.readLong();
        if (v2) {
            t.lastTimestamp = in.readLong();
            t.frameMillis = in.readDouble();
        }
        int tracks = in.readInt();
        for (int i = 0; i < tracks; i++) {
            Track track = new Track();
            track.id = in.readLong();
            track.classId = in.readInt();
            track.label = in.readUTF();
            track.score = in.readFloat();
            for (int k = 0; k < track.mean.length; k++) {
                track.mean[k] = in.readDouble();
            }
            for (int k = 0; k < track.cov.length; k++) {
                track.cov[k] = in.readDouble();
            }
            track.state = STATES[in.readByte()];
            track.hits = in.readInt();
            track.startFrame = in.readLong();
            track.lastMatchFrame = in.readLong();
            if (v2) {
                readDoubles(track.observedMean, in);
                readDoubles(track.observedCov, in);
                readDoubles(track.lastObservation, in);
                track.directionX = in.readDouble();
                track.directionY = in.readDouble();
                int history = in.readUnsignedByte();
                if (history > Track.MAX_HISTORY) {
                    throw new IOException("a track with " + history + " recent observations (at most "
                            + Track.MAX_HISTORY + ")");
                }
                track.historyFrame = new long[Math.max(4, history)];
                track.historyX = new double[track.historyFrame.length];
                track.historyY = new double[track.historyFrame.length];
                for (int k = 0; k < history; k++) {
                    track.historyFrame[k] = in.readLong();
                    track.historyX[k] = in.readDouble();
                    track.historyY[k] = in.readDouble();
                }
                track.historySize = history;
            } else {
                System.arraycopy(track.mean, 0, track.observedMean, 0, track.mean.length);
                System.arraycopy(track.cov, 0, track.observedCov, 0, track.cov.length);
                System.arraycopy(track.mean, 0, track.lastObservation, 0, 4);
            }
            t.tracks.add(track);
        }
        int pending = in.readInt();
        FrameDetectionsSerializer frames;
        try {
            frames = FrameDetectionsSerializer.reading(v2 ? in.readUnsignedByte() : 1);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (int i = 0; i < pending; i++) {
            FrameDetections f = frames.deserialize(in);
            s.pending.put(f.sequence(), f);
        }
        if (v2) {
            s.lastMotion = CameraMotion.readNullable(in);
        }
        return s;
    }

    @Override
    public TypeSerializerSnapshot<CameraTrackingState> snapshotConfiguration() {
        return new Snapshot(CURRENT_VERSION);
    }

    /** Records the state format version in checkpoints and savepoints. */
    public static final class Snapshot extends VersionedStateSerializer.Snapshot<CameraTrackingState> {

        /** For reading a snapshot (Flink instantiates it reflectively). */
        public Snapshot() {
            this(CURRENT_VERSION);
        }

        Snapshot(int version) {
            super("tracking state", CURRENT_VERSION, CameraTrackingStateSerializer::new, version);
        }
    }
}
