package dev.vigil.job;

import dev.vigil.job.output.ResultStreams;
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
import dev.vigil.operators.visual.FrameOverlay;
import dev.vigil.operators.visual.JoinFrames;
import dev.vigil.operators.visual.TapFrames;
import dev.vigil.operators.visual.VisualFrame;
import dev.vigil.operators.visual.VisualSettings;
import dev.vigil.operators.analytics.SnapshotPolicy;
import dev.vigil.sources.Frame;
import dev.vigil.sources.serialization.GenericTypes;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
 * The Vigil dataflow: frames from an input, screened (damaged frames become rejects), detected in
 * cross-camera micro-batches by the async detection stage, then optionally tracked per camera and
 * analysed. Each result stream goes to any number of sinks (a file, a Kafka topic, an index), added by
 * whoever wires the job, so tests and other entry points plug in their own. Operator uids are fixed,
 * and each sink carries the uid it is given, so that savepoints survive changes to the wiring code.
 */
public final class VigilPipeline implements ResultStreams {

    private final FrameInput input;
    private final DetectorProvider detector;
    private final DetectionSettings detection;
    private final List<UidSink<FrameDetections>> results = new ArrayList<>();
    private final List<UidSink<Reject>> rejects = new ArrayList<>();
    private final List<UidSink<TrackedFrame>> tracks = new ArrayList<>();
    private final List<UidSink<AnalyticsEvent>> events = new ArrayList<>();
    private final List<UidSink<CountsRecord>> counts = new ArrayList<>();
    private final List<UidSink<VisualFrame>> visualSinks = new ArrayList<>();
    private TrackerSettings tracking;
    private Analytics analytics;
    private Visuals visuals;

    /** A sink and the operator uid it runs under. */
    private record UidSink<T>(String uid, Sink<T> sink) {
        UidSink {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(sink, "sink");
        }
    }

    /** Analytics after tracking: initial settings, live updates and the counts window. */
    private record Analytics(
            AnalyticsSettings settings, Source<AnalyticsConfigUpdate, ?, ?> updates, Duration window) {}

    /** The drawing stage: which frames it takes, how its waiting frames are checkpointed, which events get snapshots. */
    private record Visuals(VisualSettings settings, int jpegQuality, SnapshotPolicy snapshots) {}

    public VigilPipeline(FrameInput input, DetectorProvider detector, DetectionSettings detection) {
        this.input = Objects.requireNonNull(input, "input");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.detection = Objects.requireNonNull(detection, "detection");
    }

    /** A pipeline over a source of decoded frames, with one results sink and one rejects sink. */
    public VigilPipeline(
            Source<Frame, ?, ?> source,
            DetectorProvider detector,
            DetectionSettings detection,
            Sink<FrameDetections> results,
            Sink<Reject> rejects) {
        this(FrameInput.of(Objects.requireNonNull(source, "source")), detector, detection);
        toResults("results", results);
        toRejects("rejects", rejects);
    }

    /** Sends detection results to {@code sink} as well, under operator uid {@code uid}. */
    @Override
    public VigilPipeline toResults(String uid, Sink<FrameDetections> sink) {
        results.add(new UidSink<>(uid, sink));
        return this;
    }

    /** Sends rejects (frames that could not be processed, with the reason) to {@code sink} as well. */
    @Override
    public VigilPipeline toRejects(String uid, Sink<Reject> sink) {
        rejects.add(new UidSink<>(uid, sink));
        return this;
    }

    /**
     * Adds per-camera tracking after detection: tracked frames go to {@code sinks} (uids
     * {@code tracks-0}, {@code tracks-1}, ...); frames the tracker cannot take (late or duplicate)
     * become rejects.
     */
    @SafeVarargs
    public final VigilPipeline withTracking(TrackerSettings settings, Sink<TrackedFrame>... sinks) {
        this.tracking = Objects.requireNonNull(settings, "settings");
        for (Sink<TrackedFrame> sink : sinks) {
            toTracks("tracks-" + tracks.size(), sink);
        }
        return this;
    }

    /** Sends tracked frames to {@code sink} as well (requires {@link #withTracking}). */
    @Override
    public VigilPipeline toTracks(String uid, Sink<TrackedFrame> sink) {
        tracks.add(new UidSink<>(uid, sink));
        return this;
    }

    /**
     * Adds per-camera analytics after tracking (requires {@link #withTracking}): line crossings, zone
     * events and loitering to {@code events} (uid {@code events}), windowed counts per camera and class
     * to {@code counts} (uid {@code counts-out}).
     *
     * @param updates live settings updates (a control file or topic; {@code ControlFileSource.none()} for none)
     */
    public VigilPipeline withAnalytics(AnalyticsSettings settings, Source<AnalyticsConfigUpdate, ?, ?> updates,
            Duration window, Sink<AnalyticsEvent> events, Sink<CountsRecord> counts) {
        withAnalytics(settings, updates, window);
        toEvents("events", events);
        toCounts("counts-out", counts);
        return this;
    }

    /** Adds per-camera analytics after tracking; its outputs go to the sinks given by {@link #toEvents} and {@link #toCounts}. */
    public VigilPipeline withAnalytics(AnalyticsSettings settings, Source<AnalyticsConfigUpdate, ?, ?> updates,
            Duration window) {
        this.analytics = new Analytics(Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(updates, "updates"),
                Objects.requireNonNull(window, "window"));
        return this;
    }

    /** Sends analytics events to {@code sink} as well (requires {@link #withAnalytics}). */
    @Override
    public VigilPipeline toEvents(String uid, Sink<AnalyticsEvent> sink) {
        events.add(new UidSink<>(uid, sink));
        return this;
    }

    /** Sends windowed counts to {@code sink} as well (requires {@link #withAnalytics}). */
    @Override
    public VigilPipeline toCounts(String uid, Sink<CountsRecord> sink) {
        counts.add(new UidSink<>(uid, sink));
        return this;
    }

    /**
     * Adds the drawing stage: the frames {@code settings} selects are tapped after screening, beside the
     * detection stage, and joined per camera with what the last stage (analytics, tracking or detection)
     * made of them; the result goes to the sinks given by {@link #toVisuals}. Without this call the job has
     * no such branch, and pixels go no further than the detection stage.
     *
     * @param snapshots which analytics events get a snapshot, or null for none
     */
    public VigilPipeline withVisuals(VisualSettings settings, SnapshotPolicy snapshots) {
        this.visuals = new Visuals(Objects.requireNonNull(settings, "settings"), detection.checkpointJpegQuality(),
                snapshots);
        return this;
    }

    /** Sends frames with their overlays to {@code sink} as well (requires {@link #withVisuals}). */
    public VigilPipeline toVisuals(String uid, Sink<VisualFrame> sink) {
        visualSinks.add(new UidSink<>(uid, sink));
        return this;
    }

    /** Whether tracked frames exist to be sent to sinks ({@link #withTracking} was called). */
    @Override
    public boolean hasTracking() {
        return tracking != null;
    }

    /** Whether analytics events and counts exist to be sent to sinks ({@link #withAnalytics} was called). */
    @Override
    public boolean hasAnalytics() {
        return analytics != null;
    }

    /**
     * Adds the dataflow to {@code env}, which it makes refuse generic types ({@link GenericTypes}); the caller
     * configures and executes the environment.
     */
    public void addTo(StreamExecutionEnvironment env) {
        if (tracking == null && (analytics != null || !tracks.isEmpty())) {
            throw new IllegalStateException("tracks and analytics need tracking: call withTracking");
        }
        if (analytics == null && (!events.isEmpty() || !counts.isEmpty())) {
            throw new IllegalStateException("events and counts sinks need analytics: call withAnalytics");
        }
        if (visuals == null && !visualSinks.isEmpty()) {
            throw new IllegalStateException("visual sinks need the drawing stage: call withVisuals");
        }
        if (visuals != null && visuals.snapshots() != null && analytics == null) {
            throw new IllegalStateException("snapshots are of analytics events: call withAnalytics");
        }
        GenericTypes.forbid(env);
        DataStream<Frame> frames = input.addTo(env);
        SingleOutputStreamOperator<Frame> screened = frames
                .process(new ScreenFrames(detection.checkpointJpegQuality(), tracking != null && tracking.cameraMotion()))
                .name("screen")
                .uid("screen");
        // Ordered: results leave in input order, so each camera's results stay in frame order.
        SingleOutputStreamOperator<FrameDetections> detections = AsyncDataStream.orderedWait(
                        screened,
                        new AsyncDetect(detector, detection.batching(), detection.policy(),
                                detection.maxInFlightBytes(), detection.slicing()),
                        detection.timeout().toMillis(),
                        TimeUnit.MILLISECONDS,
                        detection.capacity())
                .name("detect")
                .uid("detect")
                .map(new TallyDetections())
                .name("tally")
                .uid("tally");
        sinkTo(detections, results);
        DataStream<Reject> rejected = screened.getSideOutput(ScreenFrames.REJECTS);
        // What the drawing stage draws comes from the last stage the job has.
        DataStream<FrameOverlay> overlays = null;
        if (tracking != null) {
            SingleOutputStreamOperator<TrackedFrame> tracked = detections
                    .keyBy(FrameDetections::cameraId)
                    .process(new TrackObjects(tracking))
                    .name("track")
                    .uid("track");
            sinkTo(tracked, tracks);
            rejected = rejected.union(tracked.getSideOutput(TrackObjects.LATE_FRAMES)
                    .map(new LateFrameReject())
                    .name("late-frames")
                    .uid("late-frames"));
            if (visuals != null && analytics == null) {
                overlays = tracked.map(FrameOverlay::of).returns(TypeInformation.of(FrameOverlay.class))
                        .name("visual-overlays").uid("visual-overlays-tracks");
            }
            if (analytics != null) {
                SingleOutputStreamOperator<AnalyticsEvent> analysed = addAnalytics(env, tracked);
                rejected = rejected.union(addCounts(analysed));
                if (visuals != null) {
                    overlays = analysed.getSideOutput(AnalyticsFunction.ANALYSED)
                            .map(FrameOverlay::of).returns(TypeInformation.of(FrameOverlay.class))
                            .name("visual-overlays").uid("visual-overlays-analytics");
                }
            }
        }
        if (visuals != null) {
            if (overlays == null) {
                overlays = detections.map(FrameOverlay::of).returns(TypeInformation.of(FrameOverlay.class))
                        .name("visual-overlays").uid("visual-overlays-detections");
            }
            addVisuals(screened, overlays);
        }
        sinkTo(rejected.map(new RejectTally()).name("tally-rejects").uid("tally-rejects"), rejects);
    }

    private static <T> void sinkTo(DataStream<T> stream, List<UidSink<T>> sinks) {
        for (UidSink<T> sink : sinks) {
            stream.sinkTo(sink.sink()).name(sink.uid()).uid(sink.uid());
        }
    }

    /**
     * The drawing stage: frames tapped after screening (chained to it, so only the frames it keeps cross
     * the network), joined per camera with their overlays, to the visual sinks.
     */
    private void addVisuals(DataStream<Frame> screened, DataStream<FrameOverlay> overlays) {
        DataStream<Frame> tapped = screened
                .flatMap(new TapFrames(visuals.settings()))
                .name("visual-tap")
                .uid("visual-tap");
        SingleOutputStreamOperator<VisualFrame> joined = tapped
                .keyBy(Frame::cameraId)
                .connect(overlays.keyBy(FrameOverlay::cameraId))
                .process(new JoinFrames(visuals.settings(), visuals.jpegQuality()))
                .name("visual-join")
                .uid("visual-join");
        sinkTo(joined, visualSinks);
    }

    /** Adds analytics after tracking; its events go to the events sinks. */
    private SingleOutputStreamOperator<AnalyticsEvent> addAnalytics(StreamExecutionEnvironment env,
            DataStream<TrackedFrame> tracked) {
        DataStream<AnalyticsConfigUpdate> updates = env.fromSource(
                        analytics.updates(),
                        WatermarkStrategy.noWatermarks(),
                        "control")
                .uid("control")
                .setParallelism(1)
                .filter(ControlFileSource::isChange)
                        .name("control-changes")
                        .uid("control-changes")
                        .setParallelism(1);
        AnalyticsFunction function =
                new AnalyticsFunction(analytics.settings(), Duration.ofMillis(tracking.idleTimeoutMillis()));
        if (visuals != null) {
            function.withAnalysedFrames();
            if (visuals.snapshots() != null) {
                function.withSnapshots(visuals.snapshots());
            }
        }
        SingleOutputStreamOperator<AnalyticsEvent> events = tracked
                .keyBy(TrackedFrame::cameraId)
                .connect(updates.broadcast(AnalyticsFunction.SETTINGS))
                .process(function)
                .name("analytics")
                .uid("analytics");
        sinkTo(events, this.events);
        return events;
    }

    /** Adds the windowed counts after analytics; returns the rejects they make (frames too late for their window). */
    private DataStream<Reject> addCounts(SingleOutputStreamOperator<AnalyticsEvent> events) {
        SingleOutputStreamOperator<CountsRecord> counts = events.getSideOutput(AnalyticsFunction.FRAME_SUMMARY)
                .keyBy(FrameSummary::cameraId)
                .process(new WindowedCounts(analytics.window()))
                .name("counts")
                .uid("counts");
        sinkTo(counts, this.counts);
        return counts.getSideOutput(WindowedCounts.LATE).map(new LateSummaryReject()).name("late-counts").uid("late-counts");
    }
}
