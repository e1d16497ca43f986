package dev.vigil.operators.detect;

import dev.vigil.models.processing.GlobalMotion;
import dev.vigil.operators.Reject;
import dev.vigil.sources.CameraMotion;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.Map;

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
 * <p><b>Camera motion.</b> When asked to ({@code tracking.camera-motion: auto}), it estimates each camera's global
 * image motion from the previous frame of the camera it let through ({@link GlobalMotion}, on grey thumbnails)
 * and attaches the running sum to the frame as a {@link CameraMotion}: a few numbers, which travel with the
 * detections to the tracker; the pixels go no further than before. A camera's frames come through one subtask
 * of this operator in order (it is chained to the source's subtask), so the previous thumbnail of each camera
 * is kept here, in memory only: after a restore the first frame of each camera starts a new origin, and the
 * tracker treats it as a frame without motion. A frame whose motion cannot be estimated starts a new origin too,
 * and so does the next frame of a camera silent for {@link #IDLE_CAMERA_MILLIS}, whose thumbnail is dropped.
 *
 * <p>Metrics: {@link DetectMetrics#FRAMES_REJECTED}, {@link DetectMetrics#CAMERA_MOTION_UNKNOWN}. Accumulators: {@link #FRAMES_IN_ACCUMULATOR},
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
    private final boolean cameraMotion;

    private transient Counter framesRejected;
    private transient LongCounter rejectsTotal;
    private transient LongCounter framesIn;
    private transient Counter motionUnknown;
    private transient Map<String, MotionChain> chains;
    private transient long lastExpiryMillis;

    /**
     * A camera's thumbnail (about 130 KB) is forgotten when none of its frames has come for this long, processing
     * time, so that a subtask that has seen cameras come and go holds only those still sending. It is far beyond
     * the gap between two frames of a live camera and beyond the tracker's lost-track buffer (1 s by default),
     * after which a silent camera's tracks are gone and its motion has nothing left to move; a camera that comes
     * back starts a new origin, as after a restore.
     */
    static final long IDLE_CAMERA_MILLIS = 60_000;

    /** A camera's last thumbnail, the motion summed since its origin, and when its last frame came. */
    private static final class MotionChain {
        GlobalMotion.Thumbnail thumbnail;
        CameraMotion motion;
        long lastFrameMillis;
    }

    /** Screens frames and passes them on with their pixels stored as they are. */
    public ScreenFrames() {
        this(0);
    }

    /**
     * Screens frames and passes them on stored as JPEGs of {@code checkpointJpegQuality} (1 to 100), or as
     * they are for 0.
     */
    public ScreenFrames(int checkpointJpegQuality) {
        this(checkpointJpegQuality, false);
    }

    /**
     * Screens frames, stores them as JPEGs of {@code checkpointJpegQuality} (0: as they are) and, with
     * {@code cameraMotion}, attaches each camera's estimated motion.
     */
    public ScreenFrames(int checkpointJpegQuality, boolean cameraMotion) {
        if (checkpointJpegQuality < 0 || checkpointJpegQuality > 100) {
            throw new IllegalArgumentException("checkpoint JPEG quality must be 0 to 100, got " + checkpointJpegQuality);
        }
        this.checkpointJpegQuality = checkpointJpegQuality;
        this.cameraMotion = cameraMotion;
    }

    @Override
    public void open(OpenContext openContext) {
        framesRejected = getRuntimeContext().getMetricGroup().counter(DetectMetrics.FRAMES_REJECTED);
        rejectsTotal = new LongCounter();
        getRuntimeContext().addAccumulator(REJECTS_ACCUMULATOR, rejectsTotal);
        framesIn = new LongCounter();
        getRuntimeContext().addAccumulator(FRAMES_IN_ACCUMULATOR, framesIn);
        motionUnknown = getRuntimeContext().getMetricGroup().counter(DetectMetrics.CAMERA_MOTION_UNKNOWN);
        chains = new HashMap<>();
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
        } else {
            Frame passed = cameraMotion && frame.layout() == PixelLayout.BGR24
                    ? withMotion(frame, ctx.timerService().currentProcessingTime()) : frame;
            out.collect(checkpointJpegQuality > 0 && !passed.pixelStorage().isJpeg()
                    ? passed.withPixelStorage(PixelStorage.jpeg(checkpointJpegQuality)) : passed);
        }
    }

    /** The frame with its camera's motion since the origin; a new origin when it cannot be estimated. */
    private Frame withMotion(Frame frame, long nowMillis) {
        forgetIdleCameras(nowMillis);
        MotionChain chain = chains.computeIfAbsent(frame.cameraId(), id -> new MotionChain());
        chain.lastFrameMillis = nowMillis;
        GlobalMotion.Thumbnail thumbnail = GlobalMotion.thumbnail(frame.pixels(), frame.width(), frame.height());
        GlobalMotion.Shift shift = chain.thumbnail == null ? null : GlobalMotion.estimate(chain.thumbnail, thumbnail);
        if (shift == null) {
            chain.motion = new CameraMotion(frame.sequence(), 0, 0);
            motionUnknown.inc();
        } else {
            chain.motion = new CameraMotion(chain.motion.originSequence(), chain.motion.x() + shift.dx(),
                    chain.motion.y() + shift.dy());
        }
        chain.thumbnail = thumbnail;
        return frame.withMotion(chain.motion);
    }

    /** Drops the chains of cameras silent for {@link #IDLE_CAMERA_MILLIS}; looks at most once in that time. */
    private void forgetIdleCameras(long nowMillis) {
        if (nowMillis - lastExpiryMillis < IDLE_CAMERA_MILLIS) {
            return;
        }
        chains.values().removeIf(c -> nowMillis - c.lastFrameMillis >= IDLE_CAMERA_MILLIS);
        lastExpiryMillis = nowMillis;
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
