package dev.vigil.operators.track;

import dev.vigil.operators.detect.FrameDetections;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.Map;
import java.util.Objects;

/**
 * Tracks objects per camera: key the detections by {@link FrameDetections#cameraId()} and this
 * function emits one {@link TrackedFrame} per frame, in sequence order, with track ids that are
 * unique per camera and survive checkpoints and restores (the tracker lives in keyed
 * {@link ValueState}, written by {@link CameraTrackingStateSerializer}).
 *
 * <p><b>Order.</b> Frames can arrive out of order (parallel detection). A frame is processed as
 * soon as it is the next sequence after the last processed one. Otherwise it waits in a reorder
 * buffer until {@link TrackerSettings#reorderFrames()} frames are waiting or
 * {@link TrackerSettings#reorderWaitMillis()} of processing time have passed; then frames are
 * processed in sequence order and the ones still missing count as skipped: the tracker predicts
 * through them, so they age lost tracks like any frame. A frame that arrives after a later
 * sequence was processed (or a duplicate) goes to {@link #LATE_FRAMES} untracked. At the end of a
 * bounded input (watermark at +∞) frames still waiting are processed.
 *
 * <p><b>Camera motion.</b> A frame that carries the camera's motion ({@link FrameDetections#motion()}, with
 * {@code tracking.camera-motion: auto}) moves the tracks by the motion since the previous frame tracked, when
 * both frames' motion shares an origin; otherwise the frame is tracked as from a fixed camera.
 *
 * <p><b>Silent cameras.</b> {@link TrackerSettings#idleTimeoutMillis()} of processing time after a
 * camera's last frame, its waiting frames are processed and all its state and timers are dropped.
 *
 * <p>Metrics: see {@link TrackMetrics}.
 */
public class TrackObjects extends KeyedProcessFunction<String, FrameDetections, TrackedFrame> {

    private static final long serialVersionUID = 1L;

    /** Frames that came after a later frame of their camera was processed; they are not tracked. */
    public static final OutputTag<FrameDetections> LATE_FRAMES =
            new OutputTag<>("late-frames", TypeInformation.of(FrameDetections.class));

    private static final long NONE = CameraTrackingState.NONE;
    private static final long END_OF_INPUT = Long.MAX_VALUE;

    private final TrackerSettings settings;

    private transient ValueState<CameraTrackingState> state;
    private transient Counter framesTracked;
    private transient Counter framesLate;
    private transient Counter framesSkipped;
    private transient Counter camerasExpired;

    public TrackObjects(TrackerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TrackObjects() {
        this(TrackerSettings.DEFAULTS);
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(
                new ValueStateDescriptor<>("camera-tracking", new CameraTrackingStateSerializer()));
        framesTracked = getRuntimeContext().getMetricGroup().counter(TrackMetrics.FRAMES_TRACKED);
        framesLate = getRuntimeContext().getMetricGroup().counter(TrackMetrics.FRAMES_LATE);
        framesSkipped = getRuntimeContext().getMetricGroup().counter(TrackMetrics.FRAMES_SKIPPED);
        camerasExpired = getRuntimeContext().getMetricGroup().counter(TrackMetrics.CAMERAS_EXPIRED);
    }

    @Override
    public void processElement(FrameDetections frame, Context ctx, Collector<TrackedFrame> out) throws Exception {
        CameraTrackingState s = state.value();
        if (s == null) {
            s = new CameraTrackingState();
        }
        long seq = frame.sequence();
        if ((s.lastSequence != NONE && seq <= s.lastSequence) || s.pending.containsKey(seq)) {
            ctx.output(LATE_FRAMES, frame);
            framesLate.inc();
        } else {
            s.pending.put(seq, frame);
            release(s, out, false);
        }
        long now = ctx.timerService().currentProcessingTime();
        if (s.idleTimer != NONE) {
            ctx.timerService().deleteProcessingTimeTimer(s.idleTimer);
        }
        s.idleTimer = now + settings.idleTimeoutMillis();
        ctx.timerService().registerProcessingTimeTimer(s.idleTimer);
        if (s.pending.isEmpty()) {
            cancelReorderTimer(s, ctx);
        } else if (s.reorderTimer == NONE && settings.reorderWaitMillis() > 0) {
            s.reorderTimer = now + settings.reorderWaitMillis();
            ctx.timerService().registerProcessingTimeTimer(s.reorderTimer);
        }
        ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrackedFrame> out) throws Exception {
        CameraTrackingState s = state.value();
        if (s == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            release(s, out, true);
            cancelReorderTimer(s, ctx);
            state.update(s);
            return;
        }
        if (timestamp == s.reorderTimer) {
            s.reorderTimer = NONE;
            release(s, out, true);
        }
        if (timestamp == s.idleTimer) {
            release(s, out, true);
            cancelReorderTimer(s, ctx);
            ctx.timerService().deleteEventTimeTimer(END_OF_INPUT);
            state.clear();
            camerasExpired.inc();
            return;
        }
        state.update(s);
    }

    private static void cancelReorderTimer(CameraTrackingState s, Context ctx) {
        if (s.reorderTimer != NONE) {
            ctx.timerService().deleteProcessingTimeTimer(s.reorderTimer);
            s.reorderTimer = NONE;
        }
    }

    /** Processes waiting frames in order: the next in sequence, any beyond the buffer size, or all. */
    private void release(CameraTrackingState s, Collector<TrackedFrame> out, boolean all) {
        while (!s.pending.isEmpty()) {
            long first = s.pending.firstKey();
            boolean next = s.lastSequence == NONE ? first == 0 : first == s.lastSequence + 1;
            if (!(all || next || s.pending.size() > settings.reorderFrames())) {
                return;
            }
            Map.Entry<Long, FrameDetections> e = s.pending.pollFirstEntry();
            track(s, e.getValue(), out);
        }
    }

    private void track(CameraTrackingState s, FrameDetections frame, Collector<TrackedFrame> out) {
        if (s.lastSequence != NONE && frame.sequence() > s.lastSequence + 1) {
            framesSkipped.inc(frame.sequence() - s.lastSequence - 1);
        }
        ByteTracker tracker = new ByteTracker(settings, s.tracker);
        double[] shift = frame.motion() == null ? null : frame.motion().since(s.lastMotion);
        s.lastMotion = frame.motion();
        out.collect(new TrackedFrame(frame.cameraId(), frame.sequence(), frame.timestampMillis(), frame.width(),
                frame.height(), tracker.update(frame.sequence(), frame.timestampMillis(), frame.detections(),
                        shift == null ? 0 : shift[0], shift == null ? 0 : shift[1])));
        s.lastSequence = frame.sequence();
        framesTracked.inc();
    }
}
