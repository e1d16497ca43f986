package dev.vigil.operators.track;

/**
 * The metrics of the tracking stage, operator {@code track} ({@link TrackObjects}):
 * <ul>
 *   <li>{@value #FRAMES_TRACKED} (counter): frames run through a camera's tracker;
 *   <li>{@value #FRAMES_LATE} (counter): frames that came after a later frame of their camera was tracked, or
 *       twice (sent to the rejects output);
 *   <li>{@value #FRAMES_SKIPPED} (counter): sequence numbers missing between tracked frames (skipped upstream);
 *   <li>{@value #CAMERAS_EXPIRED} (counter): cameras whose state was dropped after the idle timeout.
 * </ul>
 */
public final class TrackMetrics {

    public static final String FRAMES_TRACKED = "framesTracked";
    public static final String FRAMES_LATE = "framesLate";
    public static final String FRAMES_SKIPPED = "framesSkipped";
    public static final String CAMERAS_EXPIRED = "camerasExpired";

    private TrackMetrics() {}
}
