package dev.vigil.operators.detect;

import dev.vigil.models.Detection;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes detection results through unchanged while keeping the job's totals for progress and the
 * end-of-job summary: accumulators {@link #FRAMES_ACCUMULATOR} and {@link #LABELS_ACCUMULATOR}.
 */
public class TallyDetections extends RichMapFunction<FrameDetections, FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: frames with a detection result. */
    public static final String FRAMES_ACCUMULATOR = "vigil.frames";
    /** Accumulator: detections per class label. */
    public static final String LABELS_ACCUMULATOR = "vigil.detections-by-label";

    private transient LongCounter frames;
    private transient LabelCounter labels;

    @Override
    public void open(OpenContext openContext) {
        frames = new LongCounter();
        labels = new LabelCounter();
        getRuntimeContext().addAccumulator(FRAMES_ACCUMULATOR, frames);
        getRuntimeContext().addAccumulator(LABELS_ACCUMULATOR, labels);
    }

    @Override
    public FrameDetections map(FrameDetections result) {
        frames.add(1);
        for (Detection d : result.detections()) {
            labels.add(d.label());
        }
        return result;
    }
}
