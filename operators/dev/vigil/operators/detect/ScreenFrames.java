package dev.vigil.operators.detect;

import dev.vigil.operators.Reject;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets through frames the detector can run on and sends the others to the {@link #REJECTS} side
 * output with the reason: frames the source marked damaged, and frames whose pixel buffer does not
 * match their size. Nothing is dropped without a trace, and the job keeps running.
 *
 * <p>Frames it lets through are marked for JPEG storage when a checkpoint JPEG quality is given (see
 * {@link PixelStorage}): this operator is chained to the detection stage, so its frames are serialized
 * only into the checkpoints that hold the detection stage's in-flight frames, never on their way there.
 * A frame that already has a JPEG (its source's own, for a Kafka frame) keeps it.
 *
 * <p>Metric: {@link DetectMetrics#FRAMES_REJECTED}. Accumulators: {@link #FRAMES_IN_ACCUMULATOR},
 * {@link #REJECTS_ACCUMULATOR}.
 */
public class ScreenFrames extends ProcessFunction<Frame, Frame> {

    private static final long serialVersionUID = 1L;

    /** Frames that cannot be detected, with the reason. */
    public static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects", TypeInformation.of(Reject.class));

    /**
     * Accumulator: frames that reached the detection stage, rejected or not; a gap marker counts for the
     * frames it stands for.
     */
    public static final String FRAMES_IN_ACCUMULATOR = "vigil.frames-in";
    /** Accumulator: number of rejected frames, each frame of a gap counted. */
    public static final String REJECTS_ACCUMULATOR = "vigil.rejects";

    private final int checkpointJpegQuality;

    private transient Counter framesRejected;
    private transient LongCounter rejectsTotal;
    private transient LongCounter framesIn;

    /** Screens frames and passes them on with their pixels stored as they are. */
    public ScreenFrames() {
        this(0);
    }

    /**
     * Screens frames and passes them on stored as JPEGs of {@code checkpointJpegQuality} (1 to 100), or as
     * they are for 0.
     */
    public ScreenFrames(int checkpointJpegQuality) {
        if (checkpointJpegQuality < 0 || checkpointJpegQuality > 100) {
            throw new IllegalArgumentException("checkpoint JPEG quality must be 0 to 100, got " + checkpointJpegQuality);
        }
        this.checkpointJpegQuality = checkpointJpegQuality;
    }

    @Override
    public void open(OpenContext openContext) {
        framesRejected = getRuntimeContext().getMetricGroup().counter(DetectMetrics.FRAMES_REJECTED);
        rejectsTotal = new LongCounter();
        getRuntimeContext().addAccumulator(REJECTS_ACCUMULATOR, rejectsTotal);
        framesIn = new LongCounter();
        getRuntimeContext().addAccumulator(FRAMES_IN_ACCUMULATOR, framesIn);
    }

    @Override
    public void processElement(Frame frame, Context ctx, Collector<Frame> out) {
        framesIn.add(frame.isDamaged() ? frame.lostFrames() : 1);
        if (frame.isDamaged()) {
            reject(frame, Reject.Stage.DECODE, frame.damage(), ctx);
        } else if (!frame.hasConsistentPixels()) {
            reject(frame, Reject.Stage.DETECT, String.format(
                    "frame %d of camera '%s' claims %dx%d %s (%d bytes) but carries %d bytes",
                    frame.sequence(), frame.cameraId(), frame.width(), frame.height(), frame.layout(),
                    frame.layout().frameBytes(Math.max(frame.width(), 0), Math.max(frame.height(), 0)),
                    frame.pixels().length), ctx);
        } else if (checkpointJpegQuality > 0 && !frame.pixelStorage().isJpeg()) {
            out.collect(frame.withPixelStorage(PixelStorage.jpeg(checkpointJpegQuality)));
        } else {
            out.collect(frame);
        }
    }

    private void reject(Frame frame, Reject.Stage stage, String reason, Context ctx) {
        long frames = frame.isDamaged() ? frame.lostFrames() : 1;
        long lastSequence = frame.isDamaged() ? frame.lastSequence() : frame.sequence();
        ctx.output(REJECTS, new Reject(frame.cameraId(), frame.sequence(), frame.timestampMillis(), stage, reason,
                System.currentTimeMillis(), lastSequence, frames));
        framesRejected.inc(frames);
        rejectsTotal.add(frames);
    }
}
