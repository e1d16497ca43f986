package dev.vigil.operators.track;

/** Where a track is in its life. */
public enum TrackState {
    /** Seen in fewer than {@link TrackerSettings#minConfirmHits()} consecutive frames; dropped if it misses one. */
    TENTATIVE,
    /** Confirmed and matched in the current frame. */
    CONFIRMED,
    /** Confirmed earlier, not matched now; kept (predicted) for up to the track buffer, then removed. */
    LOST
}
