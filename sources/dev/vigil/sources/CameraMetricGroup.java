package dev.vigil.sources;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metric group of one camera, the same in every stage: a key-value group {@value #KEY}{@code =<id>},
 * which Flink's reporters turn into a {@code camera} label (Prometheus) or tag, so that a dashboard can line
 * up a camera's frames decoded, detected and skipped across operators.
 */
public final class CameraMetricGroup {

    /** The group's key, and the label a reporter gives the camera id. */
    public static final String KEY = "camera";
    /** Appended to a counter's name for the meter of its rate, as Flink names {@code numRecordsInPerSecond}. */
    public static final String PER_SECOND = "PerSecond";

    private CameraMetricGroup() {}

    /** The group of {@code cameraId} under an operator's (or source reader's) group. */
    public static MetricGroup of(MetricGroup operator, String cameraId) {
        return operator.addGroup(KEY, cameraId);
    }

    /**
     * Registers {@code counter} as {@code name} and a meter of its rate per second as {@code name}{@value
     * #PER_SECOND}, and returns the counter: counters suit backends that derive rates themselves, the meter
     * suits Flink's web UI and reporters that do not.
     */
    public static Counter countedPerSecond(MetricGroup group, String name, Counter counter) {
        Counter registered = group.counter(name, counter);
        group.meter(name + PER_SECOND, new MeterView(registered));
        return registered;
    }
}
