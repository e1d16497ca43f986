package dev.vigil.operators.detect;

import dev.vigil.models.Detection;
import dev.vigil.sources.CameraMetricGroup;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Passes detection results through unchanged while keeping the job's totals for progress and the
 * end-of-job summary (accumulators {@link #FRAMES_ACCUMULATOR} and {@link #LABELS_ACCUMULATOR}) and each
 * camera's capture-to-result latency ({@link DetectMetrics#CAPTURE_TO_RESULT_MILLIS}).
 */
public class TallyDetections extends RichMapFunction<FrameDetections, FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: frames with a detection result. */
    public static final String FRAMES_ACCUMULATOR = "vigil.frames";
    /** Accumulator: detections per class label. */
    public static final String LABELS_ACCUMULATOR = "vigil.detections-by-label";

    private transient LongCounter frames;
    private transient LabelCounter labels;
    private transient Map<String, Histogram> latencyByCamera;

    @Override
    public void open(OpenContext openContext) {
        frames = new LongCounter();
        labels = new LabelCounter();
        getRuntimeContext().addAccumulator(FRAMES_ACCUMULATOR, frames);
        getRuntimeContext().addAccumulator(LABELS_ACCUMULATOR, labels);
        latencyByCamera = new HashMap<>();
    }

    @Override
    public FrameDetections map(FrameDetections result) {
        frames.add(1);
        latencyByCamera.computeIfAbsent(result.cameraId(), this::registerLatency)
                .update(System.currentTimeMillis() - result.timing().ingestTimeMillis());
        for (Detection d : result.detections()) {
            labels.add(d.label());
        }
        return result;
    }

    private Histogram registerLatency(String cameraId) {
        return CameraMetricGroup.of(getRuntimeContext().getMetricGroup(), cameraId).histogram(
                DetectMetrics.CAPTURE_TO_RESULT_MILLIS, new DescriptiveStatisticsHistogram(DetectMetrics.HISTOGRAM_WINDOW));
    }
}
