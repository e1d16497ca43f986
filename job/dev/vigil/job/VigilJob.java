package dev.vigil.job;

import dev.vigil.job.elasticsearch.ElasticsearchOutputs;
import dev.vigil.job.kafka.KafkaControlSource;
import dev.vigil.job.kafka.KafkaOutputs;
import dev.vigil.job.output.OutputDestination;
import dev.vigil.job.config.AnalyticsSection;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.DetectSection;
import dev.vigil.job.config.ImageSize;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.ModelSection;
import dev.vigil.job.config.OutputPaths;
import dev.vigil.job.config.RtspOptions;
import dev.vigil.job.config.TrackingSection;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelDescription;
import dev.vigil.models.ModelException;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.Reject;
import dev.vigil.operators.analytics.AnalyticsConfigUpdate;
import dev.vigil.operators.analytics.AnalyticsSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.sinks.AnalyticsEventJson;
import dev.vigil.sinks.CountsRecordJson;
import dev.vigil.sinks.FrameDetectionsJson;
import dev.vigil.sinks.JsonLinesSink;
import dev.vigil.sinks.MotTracksSink;
import dev.vigil.sinks.RejectJson;
import dev.vigil.sinks.TrackedFrameJson;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A runnable Vigil job built from a validated {@link VigilConfig}: every input file, the model
 * file and the output locations are checked here, on the client, before anything is submitted, so
 * that a wrong path fails in seconds with the key it came from instead of inside a TaskManager.
 *
 * <p>Each section's rules live in {@code job.config}; this class assembles their settings into the
 * input, the pipeline and its outputs, applies the job-level settings to the environment, and answers
 * the run report, and nothing else: checks across files are in {@code RunFiles}, outputs in their wiring classes.
 */
public final class VigilJob {


    private final VigilConfig config;
    private final FrameInput input;
    private final ModelSettings model;
    private final DetectionSettings detection;
    private final String modelDescription;
    private final Path resultsFile;
    private final Path rejectsFile;
    private final Tracking tracking;
    private final Analytics analytics;

    /** Tracking settings and outputs; {@code motDir} is null when not wanted. */
    private record Tracking(TrackerSettings settings, Path tracksFile, Path motDir, Set<String> motClasses) {}

    /** Analytics settings and outputs; {@code controlFile} is null without live updates. */
    private record Analytics(AnalyticsSettings settings, Path controlFile, Path eventsFile, Path countsFile,
            Source<AnalyticsConfigUpdate, ?, ?> controlTopic) {}

    private final List<OutputDestination> destinations;
    private final List<String> warnings;
    /** The annotated video and snapshots, or null for neither. */
    private final VisualOutputs visuals;

    private VigilJob(VigilConfig config, FrameInput input, ModelSettings model, DetectionSettings detection,
            String modelDescription, Path resultsFile, Path rejectsFile, Tracking tracking, Analytics analytics,
            List<OutputDestination> destinations, List<String> warnings, VisualOutputs visuals) {
        this.config = config;
        this.visuals = visuals;
        this.input = input;
        this.model = model;
        this.detection = detection;
        this.modelDescription = modelDescription;
        this.resultsFile = resultsFile;
        this.rejectsFile = rejectsFile;
        this.tracking = tracking;
        this.analytics = analytics;
        this.destinations = List.copyOf(destinations);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Builds the job, checking inputs, the model and that the services it needs answer.
     *
     * @throws ConfigException naming the key of every input that does not work
     */
    public static VigilJob fromConfig(VigilConfig config, String configSource) {
        return fromConfig(config, configSource, new ServiceReachability());
    }

    /**
     * Builds the job, checking inputs and the model, then, when those are fine, the services with {@code services}.
     *
     * @throws ConfigException naming the key of every input that does not work
     */
    public static VigilJob fromConfig(VigilConfig config, String configSource, ServiceCheck services) {
        List<String> problems = new ArrayList<>();
        FrameInput input = frameInput(config, problems);
        ModelSettings model = ModelSection.settings(config, problems);
        String modelDescription = null;
        Path modelFile = null;
        ImageSize modelInput = null;
        try {
            ModelDescription described = Detectors.check(model);
            modelDescription = described.toString();
            modelFile = described.file();
            modelInput = new ImageSize(described.inputWidth(), described.inputHeight());
        } catch (ModelException e) {
            problems.add((config.isSet(VigilOptions.MODEL_PATH) ? VigilOptions.MODEL_PATH : VigilOptions.MODEL_NAME)
                    .key() + ": " + e.getMessage());
        }
        // Checked even when the input has problems, so that every problem is reported at once.
        DetectionSettings detection = DetectSection.settings(config, input == null ? 1 : input.knownCameras(),
                input == null ? FramePolicy.LOSSLESS : input.defaultFramePolicy(), modelInput,
                input == null ? null : input.cameraIds().orElse(null), problems);
        Path results = null;
        if ("jsonl".equals(config.get(VigilOptions.OUTPUT_TYPE))) {
            results = OutputPaths.writable(config, VigilOptions.OUTPUT_PATH, problems);
        }
        Path rejects = OutputPaths.writable(config, VigilOptions.OUTPUT_REJECTS_PATH, problems);
        Tracking tracking = config.get(VigilOptions.TRACKING_ENABLED) ? tracking(config, problems) : null;
        Analytics analytics = null;
        if (config.analyticsConfigured()) {
            if (tracking == null) {
                problems.add(VigilOptions.ANALYTICS.key() + ": works on tracks; set tracking.enabled: true");
            }
            analytics = analytics(config, problems);
            if (input != null) {
                AnalyticsSettings configured = analytics.settings();
                input.cameraIds().ifPresent(ids -> AnalyticsSection.checkCameras(configured, ids, problems));
            }
        }
        if (config.isSet(VigilOptions.OUTPUT_REPORT_PATH)) {
            OutputPaths.writable(config, VigilOptions.OUTPUT_REPORT_PATH, problems);
        }
        OutputPaths.checkCheckpointDirectory(config, problems);
        OutputPaths.checkNothingIsWrittenOver(RunFiles.read(config, modelFile), RunFiles.written(config, results,
                rejects, tracking == null ? null : tracking.tracksFile(), analytics == null ? null : analytics.eventsFile(),
                analytics == null ? null : analytics.countsFile()), problems);
        VisualOutputs visuals = VisualOutputs.fromConfig(config, analytics == null ? null : analytics.settings(),
                RunFiles.read(config, modelFile), problems).orElse(null);
        List<OutputDestination> destinations = destinations(config, problems);
        if (problems.isEmpty()) {
            // Only a config that is otherwise fine is worth the wait: an absent service takes its timeout to tell.
            services.check(config, input, problems);
        }
        if (!problems.isEmpty()) {
            // Inputs and outputs sharing a setting (the Kafka connection, say) each report its problem.
            throw new ConfigException(configSource, problems.stream().distinct().toList());
        }
        List<String> warnings = analytics == null ? List.of()
                : AnalyticsSection.geometryWarnings(analytics.settings(), input.frameSizes());
        return new VigilJob(config, input, model, detection, modelDescription, results, rejects, tracking, analytics,
                destinations, warnings, visuals);
    }

    /** The input {@code input.type} names, or {@code null} with its problems noted. */
    private static FrameInput frameInput(VigilConfig config, List<String> problems) {
        String type = config.get(VigilOptions.INPUT_TYPE);
        return switch (type) {
            case "file" -> FileFrameInput.fromConfig(config, problems);
            case "rtsp" -> RtspFrameInput.fromConfig(config, problems,
                    OutputPaths.writable(config, RtspOptions.OUTPUT_CAMERA_STATUS_PATH, problems));
            case "kafka" -> KafkaFrameInput.fromConfig(config, problems);
            default -> throw new IllegalStateException("input.type " + type + " passed validation but has no input");
        };
    }

    /** Outputs configured besides the local files, each checked on the client. */
    private static List<OutputDestination> destinations(VigilConfig config, List<String> problems) {
        List<OutputDestination> destinations = new ArrayList<>();
        ElasticsearchOutputs.fromConfig(config, problems).ifPresent(destinations::add);
        KafkaOutputs kafka = KafkaOutputs.fromConfig(config, problems);
        if (kafka != null) {
            destinations.add(kafka);
        }
        return destinations;
    }

    private static Tracking tracking(VigilConfig config, List<String> problems) {
        Path tracks = OutputPaths.writable(config, VigilOptions.OUTPUT_TRACKS_PATH, problems);
        TrackerSettings settings = null;
        try {
            settings = TrackingSection.settings(config);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Path mot = null;
        if (config.isSet(VigilOptions.OUTPUT_MOT_DIR)) {
            mot = config.path(VigilOptions.OUTPUT_MOT_DIR, problems);
            if (Files.exists(mot) && !Files.isDirectory(mot)) {
                problems.add(VigilOptions.OUTPUT_MOT_DIR.key() + ": " + mot + " is a file; give a directory");
            }
        }
        return new Tracking(settings, tracks, mot, TrackingSection.motClasses(config, problems));
    }

    private static Analytics analytics(VigilConfig config, List<String> problems) {
        AnalyticsSettings settings = AnalyticsSection.settings(config, problems);
        Path control = null;
        if (config.isSet(VigilOptions.CONTROL_FILE)) {
            control = config.path(VigilOptions.CONTROL_FILE, problems);
            if (!Files.isRegularFile(control)) {
                problems.add(VigilOptions.CONTROL_FILE.key() + ": file not found: " + control);
            }
        }
        Source<AnalyticsConfigUpdate, ?, ?> controlTopic = KafkaControlSource.fromConfig(config, problems);
        if (control != null && controlTopic != null) {
            problems.add(KafkaOptions.CONTROL_TOPIC.key() + ": give either " + VigilOptions.CONTROL_FILE.key()
                    + " or a control topic, not both");
        }
        return new Analytics(settings, control,
                OutputPaths.writable(config, VigilOptions.OUTPUT_EVENTS_PATH, problems),
                OutputPaths.writable(config, VigilOptions.OUTPUT_COUNTS_PATH, problems), controlTopic);
    }

    /** The dataflow with this job's source, model and sinks. */
    public VigilPipeline pipeline() {
        return pipeline(DetectorProvider.catalogue(model));
    }

    /** The dataflow with this job's source and sinks, detecting with {@code detector}. */
    VigilPipeline pipeline(DetectorProvider detector) {
        Sink<FrameDetections> results = resultsFile == null
                ? JsonLinesSink.toStdout(new FrameDetectionsJson())
                : JsonLinesSink.toFile(resultsFile, new FrameDetectionsJson());
        Sink<Reject> rejects = JsonLinesSink.toFile(rejectsFile, new RejectJson());
        VigilPipeline pipeline = new VigilPipeline(input, detector, detection)
                .toResults("results", results)
                .toRejects("rejects", rejects);
        if (tracking != null) {
            pipeline.withTracking(tracking.settings(), JsonLinesSink.toFile(tracking.tracksFile(), new TrackedFrameJson()));
            if (tracking.motDir() != null) {
                pipeline.toTracks("tracks-1", new MotTracksSink(tracking.motDir(), tracking.motClasses()));
            }
            if (analytics != null) {
                pipeline.withAnalytics(analytics.settings(), controlUpdates(),
                        config.get(VigilOptions.COUNTS_WINDOW),
                        JsonLinesSink.toFile(analytics.eventsFile(), new AnalyticsEventJson()),
                        JsonLinesSink.toFile(analytics.countsFile(), new CountsRecordJson()));
            }
        }
        if (visuals != null) {
            pipeline.withVisuals(visuals.frames(), visuals.policy());
            if (visuals.video() != null) {
                pipeline.toVisuals("annotated-video", visuals.video());
            }
            if (visuals.snapshots() != null) {
                pipeline.toVisuals("snapshots", visuals.snapshots());
            }
        }
        for (OutputDestination destination : destinations) {
            destination.attachTo(pipeline);
        }
        return pipeline;
    }

    /**
     * Where live analytics settings come from: the control file, the control topic, or no source of
     * updates at all (an empty one keeps the operator graph, and so savepoints, the same either way).
     */
    private Source<AnalyticsConfigUpdate, ?, ?> controlUpdates() {
        if (analytics.controlFile() != null) {
            return ControlFileSource.of(analytics.controlFile());
        }
        return analytics.controlTopic() != null ? analytics.controlTopic() : ControlFileSource.none();
    }

    /**
     * Applies the job-level settings to {@code env}. The embedded run has nothing but the config, so its
     * values and defaults apply. On a cluster, parallelism ({@code flink run -p}, the REST {@code parallelism},
     * {@code parallelism.default}), the restart strategy and checkpointing are the cluster's, and the config
     * replaces one only where it gives that key explicitly.
     */
    public void configure(StreamExecutionEnvironment env) {
        boolean embedded = Deployment.of(env) == Deployment.EMBEDDED;
        if (embedded || config.isGiven(VigilOptions.JOB_RESTART_ATTEMPTS)) {
            // Flink's default with checkpointing is to restart forever, which hides a broken job behind
            // a progress line that never moves; a bounded number of restarts fails it visibly.
            Configuration restart = new Configuration();
            restart.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS,
                    config.get(VigilOptions.JOB_RESTART_ATTEMPTS).intValue());
            restart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(10));
            env.configure(restart);
        }
        if (embedded || config.isGiven(VigilOptions.JOB_PARALLELISM)) {
            env.setParallelism(config.get(VigilOptions.JOB_PARALLELISM).intValue());
        }
        if (embedded || config.isGiven(VigilOptions.JOB_CHECKPOINT_INTERVAL)) {
            Duration interval = config.get(VigilOptions.JOB_CHECKPOINT_INTERVAL);
            if (interval.isZero()) {
                // Off, also where the cluster's configuration turns checkpointing on.
                env.getCheckpointConfig().disableCheckpointing();
            } else {
                env.enableCheckpointing(interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
            }
        }
        URI storage = checkpointStorage(env);
        if (storage != null) {
            Configuration checkpoints = new Configuration();
            checkpoints.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            checkpoints.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, storage.toString());
            if (config.get(VigilOptions.JOB_KEEP_CHECKPOINTS)) {
                checkpoints.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            }
            env.configure(checkpoints);
        }
    }

    /**
     * Where this job's checkpoints go in {@code env}, or {@code null} to leave it to the cluster (or when
     * {@code env} does not checkpoint). The embedded mini-cluster would otherwise keep them in JobManager
     * memory, which refuses state over 5 MB, and a few high-resolution frames in flight are more than
     * that: it always gets {@code job.checkpoint-dir}. A cluster gets it only when the config sets it.
     */
    public URI checkpointStorage(StreamExecutionEnvironment env) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()
                || !(Deployment.of(env) == Deployment.EMBEDDED || config.isGiven(VigilOptions.JOB_CHECKPOINT_DIR))) {
            return null;
        }
        return OutputPaths.checkpointDirectory(config.get(VigilOptions.JOB_CHECKPOINT_DIR));
    }

    /** Whether the last checkpoint stays after the job ends ({@code job.keep-checkpoints}). */
    public boolean keepsCheckpoints() {
        return config.get(VigilOptions.JOB_KEEP_CHECKPOINTS);
    }

    public String name() {
        return config.get(VigilOptions.JOB_NAME);
    }

    /** Frames the job will process in total, or -1 when it runs until stopped. */
    public long expectedFrames() {
        return input.expectedFrames();
    }

    /** What is worth saying before the start though the job can run (geometry no frame can show, say). */
    public List<String> warnings() {
        return warnings;
    }

    public String modelDescription() {
        return modelDescription;
    }

    /** The results file, or {@code null} when results go to standard output. */
    public Path resultsFile() {
        return resultsFile;
    }

    public Path rejectsFile() {
        return rejectsFile;
    }

    /** The analytics events file, or {@code null} when analytics is off. */
    public Path eventsFile() {
        return analytics == null ? null : analytics.eventsFile();
    }

    /** The windowed counts file, or {@code null} when analytics is off. */
    public Path countsFile() {
        return analytics == null ? null : analytics.countsFile();
    }

    /** Where the run report goes when the job ends ({@code output.report-path}), or {@code null} for none. */
    public Path reportFile() {
        return config.isSet(VigilOptions.OUTPUT_REPORT_PATH)
                ? Path.of(config.get(VigilOptions.OUTPUT_REPORT_PATH)).toAbsolutePath().normalize() : null;
    }

    /** The tracks file, or {@code null} when tracking is off. */
    public Path tracksFile() {
        return tracking == null ? null : tracking.tracksFile();
    }
}
