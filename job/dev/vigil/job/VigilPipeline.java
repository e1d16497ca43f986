package dev.vigil.job;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.AsyncDetect;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.ScreenFrames;
import dev.vigil.operators.detect.TallyDetections;
import dev.vigil.operators.analytics.AnalyticsConfigUpdate;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.AnalyticsFunction;
import dev.vigil.operators.analytics.AnalyticsSettings;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.operators.analytics.LateSummaryReject;
import dev.vigil.operators.analytics.WindowedCounts;
import dev.vigil.operators.track.LateFrameReject;
import dev.vigil.operators.track.TrackObjects;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The Vigil dataflow: frames from a source, screened (damaged frames become rejects), detected in
 * cross-camera micro-batches by the async detection stage, results and rejects to their sinks. It takes its source and sinks as arguments so that tests and other entry points plug in
 * their own; operator uids are fixed so that savepoints survive changes to the wiring code.
 */
public final class VigilPipeline {

    private final Source<Frame, ?, ?> source;
    private final DetectorProvider detector;
    private final DetectionSettings detection;
    private final Sink<FrameDetections> results;
    private final Sink<Reject> rejects;
    private TrackerSettings tracking;
    private final List<Sink<TrackedFrame>> trackSinks = new ArrayList<>();
    private Analytics analytics;

    /** Analytics after tracking: initial settings, live updates, window and sinks. */
    private record Analytics(
            AnalyticsSettings settings,
            Source<AnalyticsConfigUpdate, ?, ?> updates,
            Duration window,
            Sink<AnalyticsEvent> events,
            Sink<CountsRecord> counts) {}

    public VigilPipeline(
            Source<Frame, ?, ?> source,
            DetectorProvider detector,
            DetectionSettings detection,
            Sink<FrameDetections> results,
            Sink<Reject> rejects) {
        this.source = Objects.requireNonNull(source, "source");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.detection = Objects.requireNonNull(detection, "detection");
        this.results = Objects.requireNonNull(results, "results");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /**
     * Adds per-camera tracking after detection: tracked frames go to {@code sinks}; frames the tracker
     * cannot take (late or duplicate) become rejects.
     */
    @SafeVarargs
    public final VigilPipeline withTracking(TrackerSettings settings, Sink<TrackedFrame>... sinks) {
        this.tracking = Objects.requireNonNull(settings, "settings");
        this.trackSinks.addAll(List.of(sinks));
        return this;
    }

    /**
     * Adds per-camera analytics after tracking (requires {@link #withTracking}): line crossings, zone
     * events and loitering to {@code events}, windowed counts per camera and class to {@code counts}.
     *
     * @param updates live settings updates (the control file), or {@code null} for none
     */
    public VigilPipeline withAnalytics(AnalyticsSettings settings, Source<AnalyticsConfigUpdate, ?, ?> updates,
            Duration window, Sink<AnalyticsEvent> events, Sink<CountsRecord> counts) {
        this.analytics = new Analytics(Objects.requireNonNull(settings, "settings"), updates,
                Objects.requireNonNull(window, "window"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(counts, "counts"));
        return this;
    }

    /** Adds the dataflow to {@code env}; the caller configures and executes the environment. */
    public void addTo(StreamExecutionEnvironment env) {
        DataStream<Frame> frames = env.fromSource(
                        source,
                        WatermarkStrategy.<Frame>forMonotonousTimestamps()
                                .withTimestampAssigner((frame, previous) -> frame.timestampMillis()),
                        "frames")
                .uid("frames");
        SingleOutputStreamOperator<Frame> screened = frames.process(new ScreenFrames()).name("screen").uid("screen");
        // Ordered: results leave in input order, so each camera's results stay in frame order.
        SingleOutputStreamOperator<FrameDetections> detections = AsyncDataStream.orderedWait(
                        screened,
                        new AsyncDetect(detector, detection.batching(), detection.policy()),
                        detection.timeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        detection.capacity())
                .name("detect")
                .uid("detect")
                .map(new TallyDetections())
                .name("tally")
                .uid("tally");
        detections.sinkTo(results).name("results").uid("results");
        DataStream<Reject> rejected = screened.getSideOutput(ScreenFrames.REJECTS);
        if (tracking != null) {
            SingleOutputStreamOperator<TrackedFrame> tracked = detections
                    .keyBy(FrameDetections::cameraId)
                    .process(new TrackObjects(tracking))
                    .name("track")
                    .uid("track");
            for (int i = 0; i < trackSinks.size(); i++) {
                tracked.sinkTo(trackSinks.get(i)).name("tracks-" + i).uid("tracks-" + i);
            }
            rejected = rejected.union(tracked.getSideOutput(TrackObjects.LATE_FRAMES)
                    .map(new LateFrameReject())
                    .name("late-frames")
                    .uid("late-frames"));
            if (analytics != null) {
                rejected = rejected.union(addAnalytics(env, tracked));
            }
        } else if (analytics != null) {
            throw new IllegalStateException("analytics works on tracks: enable tracking too");
        }
        rejected.sinkTo(rejects).name("rejects").uid("rejects");
    }

    /** Adds analytics after tracking; returns the rejects it makes (frames too late for their window). */
    private DataStream<Reject> addAnalytics(StreamExecutionEnvironment env, DataStream<TrackedFrame> tracked) {
        DataStream<AnalyticsConfigUpdate> updates = env.fromSource(
                        analytics.updates() == null ? ControlFileSource.none() : analytics.updates(),
                        WatermarkStrategy.noWatermarks(),
                        "control")
                .uid("control")
                .setParallelism(1)
                .filter(ControlFileSource::isChange)
                        .name("control-changes")
                        .uid("control-changes")
                        .setParallelism(1);
        SingleOutputStreamOperator<AnalyticsEvent> events = tracked
                .keyBy(TrackedFrame::cameraId)
                .connect(updates.broadcast(AnalyticsFunction.SETTINGS))
                .process(new AnalyticsFunction(analytics.settings()))
                .name("analytics")
                .uid("analytics");
        events.sinkTo(analytics.events()).name("events").uid("events");
        SingleOutputStreamOperator<CountsRecord> counts = events.getSideOutput(AnalyticsFunction.FRAME_SUMMARY)
                .keyBy(FrameSummary::cameraId)
                .process(new WindowedCounts(analytics.window()))
                .name("counts")
                .uid("counts");
        counts.sinkTo(analytics.counts()).name("counts-out").uid("counts-out");
        return counts.getSideOutput(WindowedCounts.LATE).map(new LateSummaryReject()).name("late-counts").uid("late-counts");
    }
}
