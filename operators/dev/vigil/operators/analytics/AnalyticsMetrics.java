package dev.vigil.operators.analytics;

/**
 * The metrics of the analytics stage, by operator.
 *
 * <p>Operator {@code analytics} ({@link AnalyticsFunction}):
 * <ul>
 *   <li>{@value #ANALYTICS_EVENTS} (counter): line crossings, zone entries and exits, loitering events emitted;
 *   <li>{@value #FRAMES_DUPLICATE} (counter): frames at or before the camera's last processed sequence (a replay),
 *       ignored;
 *   <li>{@value #CONFIG_REJECTED} (counter): live settings updates rejected;
 *   <li>{@value #GEOMETRY_OUTSIDE_FRAME} (counter): lines and zones found wholly outside their camera's frames
 *       (each also an event and a warning in the log).
 * </ul>
 *
 * <p>Operator {@code counts} ({@link WindowedCounts}):
 * <ul>
 *   <li>{@value #SUMMARIES_LATE} (counter): frame summaries whose window was already emitted (sent to the rejects
 *       output).
 * </ul>
 */
public final class AnalyticsMetrics {

    public static final String ANALYTICS_EVENTS = "analyticsEvents";
    public static final String FRAMES_DUPLICATE = "framesDuplicate";
    public static final String CONFIG_REJECTED = "configRejected";
    public static final String GEOMETRY_OUTSIDE_FRAME = "geometryOutsideFrame";
    public static final String SUMMARIES_LATE = "summariesLate";

    private AnalyticsMetrics() {}
}
