package dev.vigil.operators.visual;

import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Puts each camera's frame pixels (from {@link TapFrames}) together with the overlay of the same frame
 * (from the last analysis stage), keyed by camera. Either may come first; each waits in keyed state for
 * the other. Each camera's overlays arrive in sequence order, so once the overlay of sequence {@code s}
 * is here, frames before {@code s} still waiting will never get one (skipped under the latest-frame
 * policy, rejected or late): they are dropped, while an overlay waits for its frame, which the tap
 * has passed and is on its way. What waits is bounded by the frames between the tap and
 * the end of analysis, which the detection stage's capacity bounds.
 *
 * <p>Waiting frames are in checkpoints as JPEGs ({@code jpegQuality}), as the detection stage's frames
 * in flight are. Each line's crossings so far are keyed state too, so the counts drawn go on after a
 * restore.
 */
public final class JoinFrames extends KeyedCoProcessFunction<String, Frame, FrameOverlay, VisualFrame> {

    private static final long serialVersionUID = 1L;

    private final VisualSettings settings;
    private final int jpegQuality;

    private transient MapState<Long, Frame> frames;
    private transient MapState<Long, FrameOverlay> overlays;
    /** Per line: {@code [in, out]}. */
    private transient MapState<String, long[]> lineTotals;
    private transient Counter matched;
    private transient Counter unmatched;
    private transient long pending;

    /**
     * @param jpegQuality quality of the JPEGs waiting frames are written as in checkpoints (1 to 100), 0 for raw
     */
    public JoinFrames(VisualSettings settings, int jpegQuality) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 0 (raw) to 100, got " + jpegQuality);
        }
        this.jpegQuality = jpegQuality;
    }

    @Override
    public void open(OpenContext openContext) {
        frames = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("visual-frames", Types.LONG, TypeInformation.of(Frame.class)));
        overlays = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("visual-overlays", Types.LONG, TypeInformation.of(FrameOverlay.class)));
        lineTotals = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "visual-line-totals", Types.STRING, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        matched = getRuntimeContext().getMetricGroup().counter(VisualMetrics.FRAMES_MATCHED);
        unmatched = getRuntimeContext().getMetricGroup().counter(VisualMetrics.FRAMES_UNMATCHED);
        getRuntimeContext().getMetricGroup().gauge(VisualMetrics.PENDING_FRAMES, () -> pending);
    }

    @Override
    public void processElement1(Frame frame, Context ctx, Collector<VisualFrame> out) throws Exception {
        FrameOverlay overlay = overlays.get(frame.sequence());
        if (overlay != null) {
            overlays.remove(frame.sequence());
            emit(frame, overlay, out);
            return;
        }
        frames.put(frame.sequence(), jpegQuality == 0 ? frame : frame.withPixelStorage(PixelStorage.jpeg(jpegQuality)));
        pending++;
    }

    @Override
    public void processElement2(FrameOverlay overlay, Context ctx, Collector<VisualFrame> out) throws Exception {
        if (!settings.covers(overlay.cameraId())) {
            return;
        }
        count(overlay.crossings());
        dropBefore(overlay.sequence());
        boolean needed = settings.annotates(overlay.sequence()) || overlay.hasSnapshots();
        if (!needed) {
            if (frames.contains(overlay.sequence())) {
                frames.remove(overlay.sequence());
                pending--;
            }
            return;
        }
        Frame frame = frames.get(overlay.sequence());
        if (frame == null) {
            overlays.put(overlay.sequence(), overlay);
            return;
        }
        frames.remove(overlay.sequence());
        pending--;
        emit(frame, overlay, out);
    }

    private void emit(Frame frame, FrameOverlay overlay, Collector<VisualFrame> out) throws Exception {
        List<VisualFrame.LineTotal> lines = new ArrayList<>();
        Map<String, long[]> sorted = new TreeMap<>();
        for (Map.Entry<String, long[]> e : lineTotals.entries()) {
            sorted.put(e.getKey(), e.getValue());
        }
        sorted.forEach((line, t) -> lines.add(new VisualFrame.LineTotal(line, t[0], t[1])));
        matched.inc();
        out.collect(new VisualFrame(frame.withPixelStorage(PixelStorage.RAW), overlay, lines,
                settings.annotates(overlay.sequence())));
    }

    private void count(List<FrameSummary.Crossing> crossings) throws Exception {
        for (FrameSummary.Crossing c : crossings) {
            long[] t = lineTotals.get(c.line());
            t = t == null ? new long[2] : t.clone();
            t[c.in() ? 0 : 1]++;
            lineTotals.put(c.line(), t);
        }
    }

    /**
     * Frames before {@code sequence} still waiting will never be matched. (An overlay waiting for its frame
     * is kept: every overlay kept is of a frame the tap passed, which is on its way.)
     */
    private void dropBefore(long sequence) throws Exception {
        for (Iterator<Long> i = frames.keys().iterator(); i.hasNext(); ) {
            if (i.next() < sequence) {
                i.remove();
                pending--;
                unmatched.inc();
            }
        }
    }
}
