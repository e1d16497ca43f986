package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackedFrame;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Line crossing, zones and loitering per camera (see {@link CameraAnalytics} for the rules).
 *
 * <p>Wiring: key the {@link TrackedFrame}s by {@link TrackedFrame#cameraId()} and connect them to
 * the control stream broadcast with {@link #SETTINGS}:
 *
 * <pre>{@code
 * BroadcastStream<AnalyticsConfigUpdate> control = updates.broadcast(AnalyticsFunction.SETTINGS);
 * SingleOutputStreamOperator<AnalyticsEvent> events = tracked.keyBy(TrackedFrame::cameraId)
 *         .connect(control).process(new AnalyticsFunction(settings, idleTimeout));
 * events.getSideOutput(AnalyticsFunction.OCCUPANCY);      // per zone per frame
 * events.getSideOutput(AnalyticsFunction.FRAME_SUMMARY);  // input of WindowedCounts
 * }</pre>
 *
 * Without a control stream, connect an empty one (or use the settings given here forever).
 *
 * <p><b>Live configuration.</b> An {@link AnalyticsConfigUpdate} that parses and validates replaces
 * the settings of all cameras from the next frame each camera processes, and survives restarts (the
 * broadcast state holds its text); it is announced with one {@code config_accepted} event. One
 * with problems is announced with {@code config_rejected} (message: the problems, one per line) and
 * changes nothing. Configuration events are emitted by subtask 0 only, so each appears once.
 *
 * <p><b>State.</b> Per camera a {@link CameraAnalyticsState} ({@link CameraAnalyticsStateSerializer},
 * versioned); a track's entry is dropped once it has not been observed for
 * {@link AnalyticsSettings#trackTimeoutFrames()} frames. A camera that sends no frame for the idle
 * timeout (processing time; the job uses tracking's, so that a camera's tracks and their analytics go
 * together) has its state and timer dropped: cameras come and go over months, and their state must
 * not stay behind. Tracks inside a zone then get no exit event, since the camera saw nothing more.
 *
 * <p>Metrics: see {@link AnalyticsMetrics}.
 */
public class AnalyticsFunction
        extends KeyedBroadcastProcessFunction<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent> {

    private static final long serialVersionUID = 1L;

    /** Broadcast state: the text and source of the accepted control update, if any. */
    public static final MapStateDescriptor<String, String> SETTINGS =
            new MapStateDescriptor<>("analytics-settings", Types.STRING, Types.STRING);

    /** Occupancy of each configured zone of the camera, every frame. */
    public static final OutputTag<ZoneOccupancy> OCCUPANCY =
            new OutputTag<>("analytics-occupancy", TypeInformation.of(ZoneOccupancy.class));

    /** One summary per frame for {@link WindowedCounts}. */
    public static final OutputTag<FrameSummary> FRAME_SUMMARY =
            new OutputTag<>("analytics-frame-summary", TypeInformation.of(FrameSummary.class));

    /**
     * Each frame with its tracks, events and summary in one record, when {@link #withAnalysedFrames()} asks
     * for it (for drawing the frame; off otherwise, so that the job does not pay for it).
     */
    public static final OutputTag<AnalysedFrame> ANALYSED =
            new OutputTag<>("analytics-analysed-frame", TypeInformation.of(AnalysedFrame.class));

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFunction.class);

    static final String TEXT_KEY = "text";
    static final String SOURCE_KEY = "source";

    private final AnalyticsSettings initial;
    private final long idleTimeoutMillis;
    private SnapshotPolicy snapshots;
    private boolean analysedFrames;

    private transient ValueState<CameraAnalyticsState> state;
    /** When the camera's idle timer fires (processing time), kept to move the timer on each frame. */
    private transient ValueState<Long> idleTimer;
    /** With a snapshot rate limit: the minute of event time (epoch minutes) and the snapshots taken in it. */
    private transient ValueState<long[]> snapshotBudget;
    private transient String cachedText;
    private transient AnalyticsSettings cachedSettings;
    private transient Counter eventCount;
    private transient Counter duplicates;
    private transient Counter rejected;
    private transient Counter outsideFrame;
    /** Per camera of this subtask, the settings and frame size its geometry was last checked against. */
    private transient Map<String, FitChecked> fitChecked;

    /** Settings (by identity: a new object after each accepted update) and a frame size, checked. */
    private record FitChecked(AnalyticsSettings settings, int width, int height) {}

    /**
     * @param initial settings until a control update is accepted; must be valid
     * @param idleTimeout a camera silent this long (processing time) has its state dropped
     */
    public AnalyticsFunction(AnalyticsSettings initial, Duration idleTimeout) {
        this.initial = Objects.requireNonNull(initial, "initial");
        if (idleTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException("idle timeout must be at least 1 ms, got " + idleTimeout);
        }
        this.idleTimeoutMillis = idleTimeout.toMillis();
    }

    /** Gives the events that {@code policy} selects a {@link AnalyticsEvent#snapshot()}. */
    public AnalyticsFunction withSnapshots(SnapshotPolicy policy) {
        this.snapshots = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Emits every analysed frame on {@link #ANALYSED} as well. */
    public AnalyticsFunction withAnalysedFrames() {
        this.analysedFrames = true;
        return this;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(
                new ValueStateDescriptor<>("camera-analytics", new CameraAnalyticsStateSerializer()));
        idleTimer = getRuntimeContext().getState(new ValueStateDescriptor<>("camera-analytics-idle-timer", Types.LONG));
        if (snapshots != null && snapshots.maxPerMinute() > 0) {
            snapshotBudget = getRuntimeContext().getState(new ValueStateDescriptor<>(
                    "camera-analytics-snapshot-budget", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        }
        eventCount = getRuntimeContext().getMetricGroup().counter(AnalyticsMetrics.ANALYTICS_EVENTS);
        duplicates = getRuntimeContext().getMetricGroup().counter(AnalyticsMetrics.FRAMES_DUPLICATE);
        rejected = getRuntimeContext().getMetricGroup().counter(AnalyticsMetrics.CONFIG_REJECTED);
        outsideFrame = getRuntimeContext().getMetricGroup().counter(AnalyticsMetrics.GEOMETRY_OUTSIDE_FRAME);
        fitChecked = new HashMap<>();
    }

    @Override
    public void processElement(TrackedFrame frame, ReadOnlyContext ctx, Collector<AnalyticsEvent> out)
            throws Exception {
        AnalyticsSettings settings = current(ctx.getBroadcastState(SETTINGS).get(TEXT_KEY));
        moveIdleTimer(ctx);
        warnOfGeometryOutsideFrame(settings, frame, out);
        CameraAnalyticsState s = state.value();
        if (s == null) {
            s = new CameraAnalyticsState();
        }
        List<AnalyticsEvent> decided = analysedFrames ? new ArrayList<>() : null;
        FrameSummary summary = CameraAnalytics.process(settings.forCamera(frame.cameraId()),
                settings.trackTimeoutFrames(), s, frame, e -> {
                    AnalyticsEvent event = snapshots == null ? e : withSnapshot(e);
                    out.collect(event);
                    eventCount.inc();
                    if (decided != null) {
                        decided.add(event);
                    }
                });
        if (summary == null) {
            duplicates.inc();
            return;
        }
        if (decided != null) {
            ctx.output(ANALYSED, new AnalysedFrame(frame, decided, summary));
        }
        for (ZoneOccupancy z : summary.zones()) {
            ctx.output(OCCUPANCY, z);
        }
        ctx.output(FRAME_SUMMARY, summary);
        state.update(s);
    }

    /** {@code event} with its snapshot's name, if the policy wants one and the camera's rate limit allows. */
    private AnalyticsEvent withSnapshot(AnalyticsEvent event) {
        if (!snapshots.wants(event)) {
            return event;
        }
        if (snapshotBudget != null) {
            try {
                long minute = Math.floorDiv(event.timestampMillis(), 60_000L);
                long[] budget = snapshotBudget.value();
                if (budget == null || budget[0] != minute) {
                    budget = new long[] {minute, 0};
                }
                if (budget[1] >= snapshots.maxPerMinute()) {
                    return event;
                }
                budget[1]++;
                snapshotBudget.update(budget);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return event.withSnapshot(snapshots.reference(event));
    }

    /**
     * At a camera's first frame, and again when its frame size or the settings change: a line or zone
     * wholly outside the frame can never fire, which is worth an event and a warning rather than silence.
     * Only live cameras are known to have a frame size this late; files were checked before the start too.
     */
    private void warnOfGeometryOutsideFrame(AnalyticsSettings settings, TrackedFrame frame,
            Collector<AnalyticsEvent> out) {
        FitChecked before = fitChecked.get(frame.cameraId());
        if (before != null && before.settings() == settings && before.width() == frame.width()
                && before.height() == frame.height()) {
            return;
        }
        // Only when something changed: this runs for every frame.
        fitChecked.put(frame.cameraId(), new FitChecked(settings, frame.width(), frame.height()));
        for (String shape : FrameFit.outside(settings.forCamera(frame.cameraId()), frame.width(), frame.height())) {
            String message = FrameFit.message(shape, frame.width(), frame.height());
            LOG.warn("camera '{}': {}", frame.cameraId(), message);
            out.collect(AnalyticsEvent.outsideFrame(frame.cameraId(), shape, frame.sequence(), frame.timestampMillis(),
                    message));
            eventCount.inc();
            outsideFrame.inc();
        }
    }

    private void moveIdleTimer(ReadOnlyContext ctx) throws java.io.IOException {
        Long previous = idleTimer.value();
        if (previous != null) {
            ctx.timerService().deleteProcessingTimeTimer(previous);
        }
        long due = ctx.timerService().currentProcessingTime() + idleTimeoutMillis;
        ctx.timerService().registerProcessingTimeTimer(due);
        idleTimer.update(due);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalyticsEvent> out) throws Exception {
        Long due = idleTimer.value();
        if (due != null && due == timestamp) {
            state.clear();
            idleTimer.clear();
            if (snapshotBudget != null) {
                snapshotBudget.clear();
            }
        }
    }

    @Override
    public void processBroadcastElement(AnalyticsConfigUpdate update, Context ctx, Collector<AnalyticsEvent> out)
            throws Exception {
        AnalyticsSettingsParser.Result result = AnalyticsSettingsParser.parseYaml(update.text());
        boolean announce = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        long now = ctx.currentProcessingTime();
        if (result.valid()) {
            BroadcastState<String, String> b = ctx.getBroadcastState(SETTINGS);
            b.put(TEXT_KEY, update.text());
            b.put(SOURCE_KEY, update.source());
            cachedText = update.text();
            cachedSettings = result.settings();
            if (announce) {
                out.collect(AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_ACCEPTED, update.source(), update.text(),
                        now, describe(result.settings())));
            }
        } else {
            rejected.inc();
            if (announce) {
                out.collect(AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_REJECTED, update.source(), update.text(),
                        now, String.join("\n", result.problems())));
            }
        }
    }

    /** The settings from the accepted control text, or the initial ones. */
    private AnalyticsSettings current(String text) {
        if (text == null) {
            return initial;
        }
        if (!text.equals(cachedText)) {
            // After a restore the broadcast state holds text accepted earlier: it parses the same way again.
            AnalyticsSettingsParser.Result r = AnalyticsSettingsParser.parseYaml(text);
            cachedSettings = r.valid() ? r.settings() : initial;
            cachedText = text;
        }
        return cachedSettings;
    }

    private static String describe(AnalyticsSettings s) {
        int lines = s.cameras().values().stream().mapToInt(c -> c.lines().size()).sum();
        int zones = s.cameras().values().stream().mapToInt(c -> c.zones().size()).sum();
        return s.cameras().size() + " cameras, " + lines + " lines, " + zones + " zones";
    }
}
