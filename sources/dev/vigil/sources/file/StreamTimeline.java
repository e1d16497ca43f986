package dev.vigil.sources.file;

/**
 * Places decoded frames in their stream: gives each frame its index, counting the frames missing before
 * it, so that frames the decoder dropped (damaged data it skipped) leave a gap in the indexes instead of
 * shifting every frame after them.
 *
 * <p>A frame is expected where the previous one ends: at that one's presentation time plus its duration,
 * as the container gives it (the nominal frame interval where it gives none); the first frame is expected
 * at the stream's start time. A frame that comes later than expected by {@code d} follows
 * {@code round(d / interval)} missing frames, {@code interval} being the nominal frame interval
 * (1 / the average frame rate). A frame less than half an interval late is no gap, so timing jitter
 * of up to a quarter interval around the nominal times is none.
 *
 * <p>For constant frame rate that count is exact. With a variable frame rate, frames that last long
 * carry their own longer duration and are no gap; only time with no frame at all is, and its frame count
 * is an estimate at the average rate. A frame that comes early or goes back in time follows no gap, and
 * the next is expected after it. Without a known frame rate there are no gaps.
 */
final class StreamTimeline {

    private final double intervalMicros;
    private long expectedMicros;
    private long lastIndex = -1;

    /**
     * @param startMicros presentation time the first frame is expected at
     * @param frameRate nominal frames per second; 0 or less when unknown
     */
    StreamTimeline(long startMicros, double frameRate) {
        this.intervalMicros = frameRate > 0 && Double.isFinite(frameRate) ? 1_000_000 / frameRate : 0;
        this.expectedMicros = startMicros;
    }

    /**
     * The index of a frame decoded next, at {@code ptsMicros} and lasting {@code durationMicros} (0 when
     * unknown), 0-based from the stream start.
     */
    long place(long ptsMicros, long durationMicros) {
        long missing = 0;
        if (intervalMicros > 0 && ptsMicros > expectedMicros) {
            missing = Math.round((ptsMicros - expectedMicros) / intervalMicros);
        }
        lastIndex += 1 + missing;
        long duration = durationMicros > 0 ? durationMicros : Math.round(intervalMicros);
        expectedMicros = ptsMicros + duration;
        return lastIndex;
    }

    /**
     * Presentation time, in microseconds, at which the next frame is expected: where the frames missing
     * before it begin, if it follows a gap.
     */
    long expectedMicros() {
        return expectedMicros;
    }
}
