package dev.vigil.operators.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ByteTracker} remembers between frames: the next track id, the last frame it saw
 * and its live tracks (tentative, confirmed and lost). Mutable; checkpointed by
 * {@link CameraTrackingStateSerializer}.
 */
public final class TrackerState {

    /** {@link #lastFrame} before the first frame. */
    public static final long NO_FRAME = Long.MIN_VALUE;

    /** {@link #frameMillis} while the stream's frame rate is not known yet. */
    public static final double UNKNOWN = 0;

    long nextId = 1;
    long lastFrame = NO_FRAME;
    /** Event time of the last frame, or {@link #NO_FRAME} when it had none. */
    long lastTimestamp = NO_FRAME;
    /** Measured milliseconds per sequence step (a running average), or {@link #UNKNOWN}. */
    double frameMillis = UNKNOWN;
    final List<Track> tracks = new ArrayList<>();

    public long nextId() {
        return nextId;
    }

    public long lastFrame() {
        return lastFrame;
    }

    /** The measured frame interval in milliseconds, or {@link #UNKNOWN}. */
    public double frameMillis() {
        return frameMillis;
    }

    public int trackCount() {
        return tracks.size();
    }

    public TrackerState copy() {
        TrackerState s = new TrackerState();
        s.nextId = nextId;
        s.lastFrame = lastFrame;
        s.lastTimestamp = lastTimestamp;
        s.frameMillis = frameMillis;
        for (Track t : tracks) {
            s.tracks.add(t.copy());
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrackerState)) {
            return false;
        }
        TrackerState s = (TrackerState) o;
        if (s.nextId != nextId || s.lastFrame != lastFrame || s.lastTimestamp != lastTimestamp
                || Double.compare(s.frameMillis, frameMillis) != 0 || s.tracks.size() != tracks.size()) {
            return false;
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (!sameTrack(tracks.get(i), s.tracks.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTrack(Track a, Track b) {
        return a.id == b.id && a.classId == b.classId && Objects.equals(a.label, b.label) && a.score == b.score
                && java.util.Arrays.equals(a.mean, b.mean) && java.util.Arrays.equals(a.cov, b.cov)
                && a.state == b.state && a.hits == b.hits && a.startFrame == b.startFrame
                && a.lastMatchFrame == b.lastMatchFrame
                && java.util.Arrays.equals(a.observedMean, b.observedMean)
                && java.util.Arrays.equals(a.observedCov, b.observedCov)
                && java.util.Arrays.equals(a.lastObservation, b.lastObservation)
                && a.directionX == b.directionX && a.directionY == b.directionY && a.historySize == b.historySize
                && java.util.Arrays.equals(a.historyFrame, 0, a.historySize, b.historyFrame, 0, b.historySize)
                && java.util.Arrays.equals(a.historyX, 0, a.historySize, b.historyX, 0, b.historySize)
                && java.util.Arrays.equals(a.historyY, 0, a.historySize, b.historyY, 0, b.historySize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nextId, lastFrame, tracks.size());
    }

    @Override
    public String toString() {
        return "TrackerState{nextId=" + nextId + ", lastFrame=" + lastFrame + ", tracks=" + tracks.size() + "}";
    }
}
