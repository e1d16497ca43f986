package dev.vigil.sources.file;

import dev.vigil.sources.CameraMetricGroup;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of a {@link FileVideoSource} reader, per camera (video) in the reader's group
 * {@value CameraMetricGroup#KEY}{@code =<id>}:
 *
 * <ul>
 *   <li>{@value #FRAMES_DECODED} (counter) and {@code framesDecodedPerSecond} (meter): frames decoded, including
 *       those dropped by the stride and those decoded again to reach a restored position;
 *   <li>{@value #DECODE_ERRORS} (counter): damage and gap markers emitted (file not openable, decode error,
 *       truncation, frames missing from the stream).
 * </ul>
 *
 * Frames emitted are Flink's own {@code numRecordsOut}.
 */
final class ReaderMetrics {

    static final String FRAMES_DECODED = "framesDecoded";
    static final String DECODE_ERRORS = "decodeErrors";

    private final MetricGroup reader;
    private final Map<String, Camera> cameras = new ConcurrentHashMap<>();

    ReaderMetrics(MetricGroup reader) {
        this.reader = reader;
    }

    /** The counters of one camera; split decoders of the same camera (after a restore, say) share them. */
    Camera camera(String cameraId) {
        return cameras.computeIfAbsent(cameraId, id -> {
            MetricGroup group = CameraMetricGroup.of(reader, id);
            return new Camera(CameraMetricGroup.countedPerSecond(group, FRAMES_DECODED, new SimpleCounter()),
                    group.counter(DECODE_ERRORS));
        });
    }

    record Camera(Counter framesDecoded, Counter decodeErrors) {}
}
