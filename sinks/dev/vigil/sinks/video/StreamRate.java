package dev.vigil.sinks.video;

import java.util.ArrayDeque;

/**
 * A camera's frames per second over its latest frames, from their event times, as the annotated video's header
 * shows it: a stride, a gap or a slow detector shows as it is.
 */
final class StreamRate {

    /** Frames the rate is measured over: about a second of a live camera. */
    static final int WINDOW = 25;

    private final ArrayDeque<Long> recentMillis = new ArrayDeque<>();

    /** Notes a frame at event time {@code millis}; the rate including it, 0 until two frames apart in time. */
    double add(long millis) {
        recentMillis.addLast(millis);
        if (recentMillis.size() > WINDOW) {
            recentMillis.removeFirst();
        }
        long span = recentMillis.peekLast() - recentMillis.peekFirst();
        return span <= 0 ? 0 : (recentMillis.size() - 1) * 1000.0 / span;
    }
}
