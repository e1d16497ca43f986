package dev.vigil.sources.file;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Counters of a {@link FileVideoSource} reader, registered on the reader's metric group:
 *
 * <ul>
 *   <li>{@code framesDecoded}: frames decoded, including those dropped by the stride and those
 *       decoded again to reach a restored position;
 *   <li>{@code decodeErrors}: damage markers emitted (file not openable, decode error, truncation).
 * </ul>
 *
 * Frames emitted are Flink's own {@code numRecordsOut}.
 */
final class ReaderMetrics {

    static final String FRAMES_DECODED = "framesDecoded";
    static final String DECODE_ERRORS = "decodeErrors";

    final Counter framesDecoded;
    final Counter decodeErrors;

    ReaderMetrics(MetricGroup group) {
        this.framesDecoded = group.counter(FRAMES_DECODED);
        this.decodeErrors = group.counter(DECODE_ERRORS);
    }
}
