package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.operators.Reject;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.List;
import java.util.Objects;

/**
 * Runs the detector on each frame and emits its detections; frames that cannot be detected go to
 * the {@link #REJECTS} side output with the reason, so that no frame disappears without a trace.
 *
 * <p>A frame is rejected when the source marked it damaged, when its pixel buffer does not match
 * its size, or when the model fails on it. The job keeps running in each case.
 *
 * <p>Metrics (operator scope): {@code framesDetected} — frames that produced a result;
 * {@code framesRejected} — frames sent to the rejects output. Accumulators (job result and
 * {@code JobClient#getAccumulators}): {@link #FRAMES_ACCUMULATOR}, {@link #REJECTS_ACCUMULATOR},
 * {@link #LABELS_ACCUMULATOR}.
 */
public class DetectFrames extends ProcessFunction<Frame, FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** Frames the detector could not process, with the reason. */
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects", TypeInformation.of(Reject.class));

    /** Accumulator: number of frames with a detection result. */
    public static final String FRAMES_ACCUMULATOR = "vigil.frames";
    /** Accumulator: number of rejected frames. */
    public static final String REJECTS_ACCUMULATOR = "vigil.rejects";
    /** Accumulator: detections per class label. */
    public static final String LABELS_ACCUMULATOR = "vigil.detections-by-label";

    private final DetectorProvider detectorProvider;

    private transient Detector detector;
    private transient Counter framesDetected;
    private transient Counter framesRejected;
    private transient LongCounter framesTotal;
    private transient LongCounter rejectsTotal;
    private transient LabelCounter labels;

    public DetectFrames(DetectorProvider detectorProvider) {
        this.detectorProvider = Objects.requireNonNull(detectorProvider, "detectorProvider");
    }

    @Override
    public void open(OpenContext openContext) {
        detector = detectorProvider.open();
        framesDetected = getRuntimeContext().getMetricGroup().counter("framesDetected");
        framesRejected = getRuntimeContext().getMetricGroup().counter("framesRejected");
        framesTotal = new LongCounter();
        rejectsTotal = new LongCounter();
        labels = new LabelCounter();
        getRuntimeContext().addAccumulator(FRAMES_ACCUMULATOR, framesTotal);
        getRuntimeContext().addAccumulator(REJECTS_ACCUMULATOR, rejectsTotal);
        getRuntimeContext().addAccumulator(LABELS_ACCUMULATOR, labels);
    }

    @Override
    public void processElement(Frame frame, Context ctx, Collector<FrameDetections> out) {
        if (frame.isDamaged()) {
            reject(frame, Reject.Stage.DECODE, frame.damage(), ctx);
            return;
        }
        if (!frame.hasConsistentPixels()) {
            reject(frame, Reject.Stage.DETECT, String.format(
                    "frame %d of camera '%s' claims %dx%d %s (%d bytes) but carries %d bytes",
                    frame.sequence(), frame.cameraId(), frame.width(), frame.height(), frame.layout(),
                    frame.layout().frameBytes(Math.max(frame.width(), 0), Math.max(frame.height(), 0)),
                    frame.pixels().length), ctx);
            return;
        }
        DetectionResult result;
        try {
            result = detector.detect(List.of(new BgrImage(frame.width(), frame.height(), frame.pixels()))).get(0);
        } catch (RuntimeException e) {
            reject(frame, Reject.Stage.DETECT, String.format("model %s failed on frame %d of camera '%s': %s",
                    detector.modelName(), frame.sequence(), frame.cameraId(), e), ctx);
            return;
        }
        out.collect(toRecord(frame, result));
        framesDetected.inc();
        framesTotal.add(1);
        for (Detection d : result.detections()) {
            labels.add(d.label());
        }
    }

    private FrameDetections toRecord(Frame frame, DetectionResult result) {
        return new FrameDetections(
                frame.cameraId(),
                frame.sequence(),
                frame.timestampMillis(),
                frame.width(),
                frame.height(),
                detector.modelName(),
                result.detections(),
                new FrameDetections.Timing(
                        frame.ingestTimeMillis(),
                        System.currentTimeMillis(),
                        result.batchSize(),
                        result.preprocessMicros(),
                        result.inferenceMicros(),
                        result.postprocessMicros()));
    }

    private void reject(Frame frame, Reject.Stage stage, String reason, Context ctx) {
        ctx.output(REJECTS, new Reject(frame.cameraId(), frame.sequence(), frame.timestampMillis(), stage, reason,
                System.currentTimeMillis()));
        framesRejected.inc();
        rejectsTotal.add(1);
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
