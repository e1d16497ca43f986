package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackedFrame;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * Everything the analytics made of one frame, in one record: its tracks, the events decided in it and
 * its summary (crossings, zone occupancy). Emitted only when asked for
 * ({@link AnalyticsFunction#withAnalysedFrames()}), for what draws the frame: the events of a frame and
 * its summary travel on separate outputs otherwise, with no order between them.
 */
@TypeInfo(AnalysedFrameTypeInfoFactory.class)
public record AnalysedFrame(TrackedFrame frame, List<AnalyticsEvent> events, FrameSummary summary) {

    public AnalysedFrame {
        Objects.requireNonNull(frame, "frame");
        events = List.copyOf(events);
        Objects.requireNonNull(summary, "summary");
    }
}
