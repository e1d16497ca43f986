package dev.vigil.operators.track;

import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.FrameDetectionsSerializer;

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
 * {@link FrameDetectionsSerializer} writes it). A later format bumps {@link #CURRENT_VERSION};
 * the snapshot then restores a serializer that reads the old format, and Flink migrates the
 * state on restore.
 */
public final class CameraTrackingStateSerializer extends VersionedStateSerializer<CameraTrackingState> {

    private static final long serialVersionUID = 1L;

    /** Format written by this code. */
    public static final int CURRENT_VERSION = 1;

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
        }
        out.writeInt(s.pending.size());
        for (FrameDetections f : s.pending.values()) {
            FrameDetectionsSerializer.INSTANCE.serialize(f, out);
        }
    }

    @Override
    public CameraTrackingState deserialize(DataInputView in) throws IOException {
        // Only format 1 exists so far; readVersion selects the reader when there are more.
        CameraTrackingState s = new CameraTrackingState();
        s.lastSequence = in.readLong();
        s.reorderTimer = in.readLong();
        s.idleTimer = in.readLong();
        TrackerState t = s.tracker;
        t.nextId = in.readLong();
        t.lastFrame = in.readLong();
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
            t.tracks.add(track);
        }
        int pending = in.readInt();
        for (int i = 0; i < pending; i++) {
            FrameDetections f = FrameDetectionsSerializer.INSTANCE.deserialize(in);
            s.pending.put(f.sequence(), f);
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
