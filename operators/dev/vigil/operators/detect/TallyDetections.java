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
 * end-of-job summary (accumulators {@link #FRAMES_ACCUMULATOR}, {@link #LABELS_ACCUMULATOR},
 * {@link #SLICED_FRAMES_ACCUMULATOR} and {@link #TILES_ACCUMULATOR}) and each
 * camera's capture-to-result latency ({@link DetectMetrics#CAPTURE_TO_RESULT_MILLIS}).
 */
public class TallyDetections extends RichMapFunction<FrameDetections, FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: frames with a detection result. */
    public static final String FRAMES_ACCUMULATOR = "vigil.frames";
    /** Accumulator: detections per class label. */
    public static final String LABELS_ACCUMULATOR = "vigil.detections-by-label";

    /** Accumulator: frames cut into tiles for the model (sliced inference). */
    public static final String SLICED_FRAMES_ACCUMULATOR = "vigil.sliced-frames";
    /** Accumulator: tiles of those frames. */
    public static final String TILES_ACCUMULATOR = "vigil.tiles";

    private transient LongCounter frames;
    private transient LongCounter slicedFrames;
    private transient LongCounter tiles;
    private transient LabelCounter labels;
    private transient Map<String, Histogram> latencyByCamera;

    @Override
    public void open(OpenContext openContext) {
        frames = new LongCounter();
        labels = new LabelCounter();
        getRuntimeContext().addAccumulator(FRAMES_ACCUMULATOR, frames);
        getRuntimeContext().addAccumulator(LABELS_ACCUMULATOR, labels);
        slicedFrames = new LongCounter();
        tiles = new LongCounter();
        getRuntimeContext().addAccumulator(SLICED_FRAMES_ACCUMULATOR, slicedFrames);
        getRuntimeContext().addAccumulator(TILES_ACCUMULATOR, tiles);
        latencyByCamera = new HashMap<>();
    }

    @Override
    public FrameDetections map(FrameDetections result) {
        frames.add(1);
        if (result.timing().tiles() > 0) {
            slicedFrames.add(1);
            tiles.add(result.timing().tiles());
        }
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
