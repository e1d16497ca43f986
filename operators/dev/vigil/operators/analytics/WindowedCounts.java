package dev.vigil.operators.analytics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per camera and class, per tumbling event-time window: distinct tracks, line in/out counts and
 * zone max/mean occupancy, from the {@link AnalyticsFunction#FRAME_SUMMARY} side output keyed by
 * camera:
 *
 * <pre>{@code
 * events.getSideOutput(AnalyticsFunction.FRAME_SUMMARY)
 *         .keyBy(FrameSummary::cameraId)
 *         .process(new WindowedCounts(Duration.ofMinutes(1)));
 * }</pre>
 *
 * <p><b>Time.</b> Windows are [k·size, (k+1)·size) of {@link FrameSummary#timestampMillis()}
 * (the frame's event time) and close when the watermark passes their end. The job must assign
 * watermarks upstream (frame timestamps with bounded out-of-orderness; frames of one camera reach
 * this operator in sequence order, so the bound only has to cover skew between cameras sharing a
 * subtask and the source's own disorder). A window with no frames emits nothing; a window emits one
 * record per class seen in it (tracks, crossings or occupancy). At end of input (watermark +∞) all
 * open windows are emitted.
 *
 * <p><b>Late data.</b> A summary whose window has already been emitted (its end is at or before the
 * current watermark) is not counted and goes to {@link #LATE} unchanged.
 *
 * <p>Metrics: see {@link AnalyticsMetrics}.
 */
public class WindowedCounts extends KeyedProcessFunction<String, FrameSummary, CountsRecord> {

    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

    /** Summaries that came after their window was emitted. */
    public static final OutputTag<FrameSummary> LATE =
            new OutputTag<>("analytics-late-summaries", TypeInformation.of(FrameSummary.class));

    private final long size;

    private transient MapState<Long, WindowAccumulator> windows;
    private transient Counter late;

    public WindowedCounts(Duration window) {
        if (window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms, got " + window);
        }
        this.size = window.toMillis();
    }

    public WindowedCounts() {
        this(DEFAULT_WINDOW);
    }

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("analytics-windows", Types.LONG, TypeInformation.of(WindowAccumulator.class)));
        late = getRuntimeContext().getMetricGroup().counter(AnalyticsMetrics.SUMMARIES_LATE);
    }

    @Override
    public void processElement(FrameSummary summary, Context ctx, Collector<CountsRecord> out) throws Exception {
        long ts = summary.timestampMillis();
        long start = ts - Math.floorMod(ts, size);
        long lastMillis = start + size - 1;
        if (lastMillis <= ctx.timerService().currentWatermark()) {
            ctx.output(LATE, summary);
            late.inc();
            return;
        }
        WindowAccumulator acc = windows.get(start);
        if (acc == null) {
            acc = new WindowAccumulator();
            ctx.timerService().registerEventTimeTimer(lastMillis);
        }
        acc.add(summary);
        windows.put(start, acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CountsRecord> out) throws Exception {
        long start = timestamp + 1 - size;
        WindowAccumulator acc = windows.get(start);
        if (acc == null) {
            return;
        }
        windows.remove(start);
        for (CountsRecord r : records(ctx.getCurrentKey(), start, start + size, acc)) {
            out.collect(r);
        }
    }

    static List<CountsRecord> records(String camera, long start, long end, WindowAccumulator acc) {
        TreeSet<String> labels = new TreeSet<>(acc.tracks.keySet());
        acc.lines.keySet().forEach(k -> labels.add(k.substring(k.indexOf(WindowAccumulator.SEP) + 1)));
        acc.zones.keySet().forEach(k -> labels.add(k.substring(k.indexOf(WindowAccumulator.SEP) + 1)));
        List<CountsRecord> records = new ArrayList<>(labels.size());
        for (String label : labels) {
            List<CountsRecord.LineCount> lines = new ArrayList<>();
            for (Map.Entry<String, long[]> e : acc.lines.entrySet()) {
                String key = e.getKey();
                int sep = key.indexOf(WindowAccumulator.SEP);
                if (key.substring(sep + 1).equals(label)) {
                    lines.add(new CountsRecord.LineCount(key.substring(0, sep), e.getValue()[0], e.getValue()[1]));
                }
            }
            List<CountsRecord.ZoneStat> zones = new ArrayList<>();
            for (String zone : acc.zoneNames) {
                long[] v = acc.zones.get(zone + WindowAccumulator.SEP + label);
                zones.add(v == null ? new CountsRecord.ZoneStat(zone, 0, 0)
                        : new CountsRecord.ZoneStat(zone, (int) v[1], (double) v[0] / acc.frames));
            }
            records.add(new CountsRecord(camera, start, end, label, acc.tracks.getOrDefault(label, new TreeSet<>()).size(),
                    acc.frames, lines, zones));
        }
        return records;
    }
}
