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

    long nextId = 1;
    long lastFrame = NO_FRAME;
    final List<Track> tracks = new ArrayList<>();

    public long nextId() {
        return nextId;
    }

    public long lastFrame() {
        return lastFrame;
    }

    public int trackCount() {
        return tracks.size();
    }

    public TrackerState copy() {
        TrackerState s = new TrackerState();
        s.nextId = nextId;
        s.lastFrame = lastFrame;
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
        if (s.nextId != nextId || s.lastFrame != lastFrame || s.tracks.size() != tracks.size()) {
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
                && a.lastMatchFrame == b.lastMatchFrame;
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
