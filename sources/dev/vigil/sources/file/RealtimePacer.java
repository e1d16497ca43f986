package dev.vigil.sources.file;

/**
 * Maps a camera's event times to wall-clock due times, anchored at its first frame: a frame whose
 * timestamp is 400 ms after the first one is due 400 ms after the first one was.
 */
final class RealtimePacer {

    private long anchorNanos;
    private long anchorTimestampMillis;
    private boolean anchored;

    /** When the frame with this event time is due, in {@link System#nanoTime()} terms. */
    long dueNanos(long timestampMillis) {
        if (!anchored) {
            anchored = true;
            anchorNanos = System.nanoTime();
            anchorTimestampMillis = timestampMillis;
        }
        return anchorNanos + (timestampMillis - anchorTimestampMillis) * 1_000_000L;
    }
}
