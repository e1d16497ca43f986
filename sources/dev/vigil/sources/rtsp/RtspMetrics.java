package dev.vigil.sources.rtsp;

/**
 * The metrics of the RTSP camera source, per camera in the source reader's group
 * {@value dev.vigil.sources.CameraMetricGroup#KEY}{@code =<id>}:
 * <ul>
 *   <li>{@value #STATE} (gauge): the camera's {@link CameraState} as its ordinal, 0 connecting to 4 failed;
 *   <li>{@value #FRAMES_DECODED} (counter) and {@code framesDecodedPerSecond} (meter): frames decoded;
 *   <li>{@value #FRAMES_SKIPPED} (counter) and {@code framesSkippedPerSecond} (meter): decoded frames replaced by a
 *       newer one before the job took them;
 *   <li>{@value #FRAMES_LOST} (counter): frames estimated lost in outages (outage length x frame rate);
 *   <li>{@value #FAILED_ATTEMPTS} (counter): connection attempts that failed.
 * </ul>
 */
public final class RtspMetrics {

    public static final String STATE = "state";
    public static final String FRAMES_DECODED = "framesDecoded";
    public static final String FRAMES_SKIPPED = "framesSkipped";
    public static final String FRAMES_LOST = "framesLost";
    public static final String FAILED_ATTEMPTS = "failedAttempts";

    private RtspMetrics() {}
}
