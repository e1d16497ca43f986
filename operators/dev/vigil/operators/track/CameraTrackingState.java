package dev.vigil.operators.track;

import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sources.CameraMotion;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything {@link TrackObjects} keeps for one camera: the tracker's memory, the frames waiting
 * in the reorder buffer, the last sequence processed and the pending timers. Mutable; checkpointed
 * by {@link CameraTrackingStateSerializer}.
 */
public final class CameraTrackingState {

    /** Value of the sequence and timer fields when unset. */
    public static final long NONE = Long.MIN_VALUE;

    TrackerState tracker = new TrackerState();
    /** Frames waiting to be processed, by sequence. */
    final TreeMap<Long, FrameDetections> pending = new TreeMap<>();
    long lastSequence = NONE;
    long reorderTimer = NONE;
    long idleTimer = NONE;
    /** The camera motion of the last frame tracked, from which the next frame's shift is taken; null if none. */
    CameraMotion lastMotion;

    public TrackerState tracker() {
        return tracker;
    }

    public Map<Long, FrameDetections> pending() {
        return java.util.Collections.unmodifiableMap(pending);
    }

    public long lastSequence() {
        return lastSequence;
    }

    CameraTrackingState copy() {
        CameraTrackingState c = new CameraTrackingState();
        c.tracker = tracker.copy();
        c.pending.putAll(pending);
        c.lastSequence = lastSequence;
        c.reorderTimer = reorderTimer;
        c.idleTimer = idleTimer;
        c.lastMotion = lastMotion;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CameraTrackingState)) {
            return false;
        }
        CameraTrackingState c = (CameraTrackingState) o;
        return tracker.equals(c.tracker) && pending.equals(c.pending) && lastSequence == c.lastSequence
                && reorderTimer == c.reorderTimer && idleTimer == c.idleTimer
                && Objects.equals(lastMotion, c.lastMotion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tracker, pending.keySet(), lastSequence);
    }

    @Override
    public String toString() {
        return "CameraTrackingState{" + tracker + ", pending=" + pending.keySet() + ", lastSequence=" + lastSequence + "}";
    }
}
