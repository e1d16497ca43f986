package dev.vigil.job.config;

import dev.vigil.sources.rtsp.ReconnectPolicy;

import java.time.Duration;
import java.util.List;

/** Options of the RTSP camera input ({@code input.type: rtsp}) and its status output. */
public final class RtspOptions {

    private RtspOptions() {}

    /** Keys of one entry of {@link #CAMERAS}. */
    public static final List<String> CAMERA_KEYS = List.of("id", "url", "username", "password", "transport", "timeout");

    public static final Duration DEFAULT_CAMERA_TIMEOUT = Duration.ofSeconds(5);

    public static final ConfigOption<List<Object>> CAMERAS = ConfigOption.of(
            "input.cameras", ValueType.sectionList(), null,
            "RTSP cameras (input.type rtsp), each {id, url, username, password, transport: tcp|udp, timeout}: "
                    + "credentials may be in the url or given separately (use ${ENV_VAR}); they never appear in logs, "
                    + "metrics or events. timeout (default " + DEFAULT_CAMERA_TIMEOUT.toSeconds()
                    + "s) bounds connecting and waiting for the next packet before the camera counts as stalled.");
    public static final ConfigOption<Duration> RECONNECT_INITIAL_DELAY = ConfigOption.of(
            "input.reconnect.initial-delay", ValueType.duration(), ReconnectPolicy.DEFAULT.initialDelay(),
            "Wait before the first reconnect attempt of a camera that failed; doubles per failed attempt "
                    + "(+/- 20 % jitter).");
    public static final ConfigOption<Duration> RECONNECT_MAX_DELAY = ConfigOption.of(
            "input.reconnect.max-delay", ValueType.duration(), ReconnectPolicy.DEFAULT.maxDelay(),
            "Longest wait between reconnect attempts.");
    public static final ConfigOption<Long> RECONNECT_MAX_ATTEMPTS = ConfigOption.of(
            "input.reconnect.max-attempts", ValueType.integer(0, Integer.MAX_VALUE), 0L,
            "Failed attempts in a row after which a camera is given up (status failed; the job goes on); 0 = "
                    + "retry forever.");
    public static final ConfigOption<Boolean> FAIL_FAST = ConfigOption.of(
            "input.fail-fast", ValueType.bool(), false,
            "Fail the job when a camera cannot be reached at start, instead of retrying it.");
    public static final ConfigOption<String> OUTPUT_CAMERA_STATUS_PATH = ConfigOption.of(
            "output.camera-status-path", ValueType.string(), "out/camera-status.jsonl",
            "JSON Lines file of camera status changes (input.type rtsp): when a camera went down, for how long, "
                    + "how many frames were lost.");

    /** All RTSP options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return List.of(CAMERAS, RECONNECT_INITIAL_DELAY, RECONNECT_MAX_DELAY, RECONNECT_MAX_ATTEMPTS, FAIL_FAST,
                OUTPUT_CAMERA_STATUS_PATH);
    }
}
