package dev.vigil.job.config;

import dev.vigil.models.family.Families;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.track.TrackerSettings;

import java.time.Duration;
import java.util.List;

/** Every key a Vigil job config may contain, with its type, default and meaning. */
public final class VigilOptions {

    private VigilOptions() {}

    public static final ConfigOption<String> JOB_NAME = ConfigOption.of(
            "job.name", ValueType.string(), "vigil", "Name of the Flink job.");
    public static final ConfigOption<Long> JOB_PARALLELISM = ConfigOption.of(
            "job.parallelism", ValueType.integer(1, 1024), 1L, "Parallelism of every operator.");
    public static final ConfigOption<Duration> JOB_CHECKPOINT_INTERVAL = ConfigOption.of(
            // Flink refuses intervals under 10 ms.
            "job.checkpoint-interval", ValueType.offOrAtLeast(Duration.ofMillis(10)), Duration.ofSeconds(10),
            "How often to take a checkpoint (exactly-once); 0 turns checkpointing off.");

    public static final ConfigOption<String> JOB_CHECKPOINT_DIR = ConfigOption.of(
            "job.checkpoint-dir", ValueType.string(), "out/checkpoints",
            "Where checkpoints are stored (a directory or a file system URI such as s3://bucket/path). The embedded "
                    + "run always uses it; on a cluster it applies only when set, otherwise the cluster's own "
                    + "checkpoint storage does.");
    public static final ConfigOption<Boolean> JOB_KEEP_CHECKPOINTS = ConfigOption.of(
            "job.keep-checkpoints", ValueType.bool(), false,
            "Keep the last checkpoint when the job ends (to resume with run --from-checkpoint); by default a run "
                    + "that finishes removes its checkpoints.");

    public static final ConfigOption<Long> JOB_RESTART_ATTEMPTS = ConfigOption.of(
            "job.restart-attempts", ValueType.integer(0, 1_000_000), 3L,
            "Restarts from the last checkpoint after a failure before the job gives up (10 s apart).");

    public static final ConfigOption<String> INPUT_TYPE = ConfigOption.of(
            "input.type", ValueType.oneOf("file", "kafka", "rtsp"), "file",
            "Where frames come from: video files (input.paths), a Kafka frame topic (the kafka.* keys) or live "
                    + "RTSP cameras (input.cameras).");
    public static final ConfigOption<List<String>> INPUT_PATHS = ConfigOption.of(
            "input.paths", ValueType.stringList(), null,
            "Video files to read, one camera each (relative paths resolve against the working directory).");
    public static final ConfigOption<List<String>> INPUT_CAMERA_IDS = ConfigOption.of(
            "input.camera-ids", ValueType.stringList(), null,
            "Camera id of each input path, in the same order; default: each file's name without extension.");
    public static final ConfigOption<Long> INPUT_STRIDE = ConfigOption.of(
            "input.stride", ValueType.integer(1, 10_000), 1L, "Process every Nth decoded frame.");
    public static final ConfigOption<Long> INPUT_MAX_FRAMES = ConfigOption.of(
            "input.max-frames", ValueType.integer(0, Long.MAX_VALUE), 0L,
            "Stop each camera after this many frames of its stream (for video files: frames the stride selects, decoded or lost to damage); 0 = no limit.");
    public static final ConfigOption<Boolean> INPUT_LOOP = ConfigOption.of(
            "input.loop", ValueType.bool(), false, "Start each video again when it ends (the job then runs until stopped).");
    public static final ConfigOption<Boolean> INPUT_REALTIME = ConfigOption.of(
            "input.realtime", ValueType.bool(), false, "Emit frames at the video's own frame rate, like a live camera.");

    public static final ConfigOption<String> INPUT_FRAME_POLICY = ConfigOption.of(
            "input.frame-policy", ValueType.oneOf("lossless", "latest"), "lossless",
            "When the detector falls behind: lossless slows the source (files, Kafka); latest lets a camera's newest "
                    + "frame replace one still waiting, counting it as skipped (live cameras). Default: lossless, but latest for input.type rtsp.");

    public static final ConfigOption<Long> DETECT_MAX_BATCH_SIZE = ConfigOption.of(
            "detect.max-batch-size", ValueType.integer(1, 256), 4L,
            "A batch runs as soon as this many model inputs (frames from any camera; a sliced frame counts its tiles and "
                    + "full-frame pass) wait for the model; a batch takes whole frames.");
    public static final ConfigOption<Duration> DETECT_MAX_WAIT = ConfigOption.of(
            "detect.max-wait", ValueType.duration(), Duration.ofMillis(20),
            "A batch also runs once its first frame has waited this long, full or not.");
    public static final ConfigOption<Long> DETECT_SLOTS_PER_DEVICE = ConfigOption.of(
            "detect.slots-per-device", ValueType.integer(1, 64), 2L,
            "Batches that may run at once on one device (CPU or GPU); more wait, and the source slows. On a CPU, "
                    + "slots x model.threads should match the cores.");
    public static final ConfigOption<Long> DETECT_CAPACITY = ConfigOption.of(
            "detect.capacity", ValueType.integer(0, 100_000), 0L,
            "Frames in flight per detection subtask before it backpressures; 0 = 2 x max-batch-size x slots.");
    public static final ConfigOption<Long> DETECT_MAX_IN_FLIGHT_BYTES = ConfigOption.of(
            "detect.max-in-flight-bytes", ValueType.bytes(1, Long.MAX_VALUE), DetectionSettings.DEFAULT_MAX_IN_FLIGHT_BYTES,
            "Pixel bytes of frames in flight per detection subtask before it backpressures, besides detect.capacity "
                    + "(20mb: three 1080p frames or one 4K frame; a larger frame is still let in alone).");
    public static final ConfigOption<Long> DETECT_CHECKPOINT_JPEG_QUALITY = ConfigOption.of(
            "detect.checkpoint-jpeg-quality", ValueType.integer(0, 100), (long) DetectionSettings.DEFAULT_CHECKPOINT_JPEG_QUALITY,
            "Frames in flight are written into checkpoints as JPEGs of this quality (85: high quality, about 1/23 "
                    + "of the raw size at 1080p); 0 writes raw pixels (lossless, 6.2 MB per 1080p frame).");
    public static final ConfigOption<Duration> DETECT_TIMEOUT = ConfigOption.of(
            "detect.timeout", ValueType.positiveDuration(), Duration.ofSeconds(60),
            "A frame not detected within this time fails the job (its restart strategy applies).");

    public static final ConfigOption<String> MODEL_NAME = ConfigOption.of(
            "model.name", ValueType.string(), "nanodet-plus-m-320", "Catalogue name of the detector model.");
    public static final ConfigOption<String> MODEL_PATH = ConfigOption.of(
            "model.path", ValueType.string(), null, "Explicit model file; overrides the catalogue lookup.");
    public static final ConfigOption<String> MODEL_FAMILY = ConfigOption.of(
            "model.family", ValueType.oneOf(Families.ids().toArray(new String[0])), null,
            "Detector family of a model.path file outside the catalogue; default: picked from the file's outputs.");
    public static final ConfigOption<ImageSize> MODEL_INPUT_SIZE = ConfigOption.of(
            "model.input-size", ValueType.imageSize(), null,
            "Input size of a model.path file, as 416 or 640x384 (width x height); default: the file's fixed size.");
    public static final ConfigOption<String> MODEL_NAMES_FILE = ConfigOption.of(
            "model.names-file", ValueType.string(), null,
            "Class names, one per line (line index = class id); default: the catalogue's, else the 80 COCO classes.");
    public static final ConfigOption<String> MODEL_DIR = ConfigOption.of(
            "model.dir", ValueType.string(), null,
            "Directory of downloaded models (default: VIGIL_MODEL_DIR, else ~/.cache/vigil/models).");
    public static final ConfigOption<String> MODEL_MIRROR = ConfigOption.of(
            "model.mirror", ValueType.string(), null,
            "Directory laid out as <family>/<file> to look in before downloading (default: VIGIL_MODEL_MIRROR).");
    public static final ConfigOption<Double> MODEL_SCORE_THRESHOLD = ConfigOption.of(
            "model.score-threshold", ValueType.decimal(0, 1), null,
            "Minimum score of a reported detection; default: the model family's.");
    public static final ConfigOption<Double> MODEL_IOU_THRESHOLD = ConfigOption.of(
            "model.iou-threshold", ValueType.decimal(0, 1), null,
            "Overlap above which NMS drops the weaker box of a class; default: the model family's.");
    public static final ConfigOption<Long> MODEL_MAX_DETECTIONS = ConfigOption.of(
            "model.max-detections", ValueType.integer(1, 10_000), null,
            "Most detections reported per frame; default: the model family's.");
    public static final ConfigOption<Long> MODEL_THREADS = ConfigOption.of(
            "model.threads", ValueType.integer(0, 256), 1L,
            "ONNX Runtime threads per model call; 0 = the runtime's default (all cores). Several single-threaded "
                    + "calls at once (detect.slots-per-device) use a CPU better than one call on every core.");

    public static final ConfigOption<Boolean> TRACKING_ENABLED = ConfigOption.of(
            "tracking.enabled", ValueType.bool(), true,
            "Track objects per camera (ByteTrack-style) and write tracked frames to output.tracks-path.");
    public static final ConfigOption<Double> TRACKING_HIGH_THRESHOLD = ConfigOption.of(
            "tracking.high-threshold", ValueType.decimal(0, 1), Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.highScoreThreshold() * 1000) / 1000.0,
            "Detections at or above this score are matched to tracks first.");
    public static final ConfigOption<Double> TRACKING_LOW_THRESHOLD = ConfigOption.of(
            "tracking.low-threshold", ValueType.decimal(0, 1), Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.lowScoreThreshold() * 1000) / 1000.0,
            "Detections between this and the high threshold only extend tracks left unmatched (second stage).");
    public static final ConfigOption<Double> TRACKING_NEW_TRACK_THRESHOLD = ConfigOption.of(
            "tracking.new-track-threshold", ValueType.decimal(0, 1), Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.newTrackThreshold() * 1000) / 1000.0,
            "An unmatched detection at or above this score starts a new track.");
    public static final ConfigOption<Double> TRACKING_MATCH_IOU = ConfigOption.of(
            "tracking.match-iou", ValueType.decimal(0, 1), Math.round((1 - TrackerSettings.FOR_VIGIL_DETECTORS.matchCostThreshold()) * 1000) / 1000.0,
            "Least overlap (IoU) between a track's predicted box and a detection for them to match.");
    public static final ConfigOption<Duration> TRACKING_BUFFER = ConfigOption.of(
            "tracking.buffer", ValueType.duration(), Duration.ofMillis(Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.trackBufferSeconds() * 1000)),
            "How long a lost track is kept (and predicted) before it is removed; bridges occlusions. Frames at the "
                    + "camera's frame rate (tracking.frame-rate).");
    public static final ConfigOption<Long> TRACKING_BUFFER_FRAMES = ConfigOption.of(
            "tracking.buffer-frames", ValueType.integer(0, 100_000), null,
            "The lost-track buffer as ByteTrack gives it, in frames at 30 fps (30 = 1 s); instead of tracking.buffer.");
    public static final ConfigOption<Double> TRACKING_FRAME_RATE = ConfigOption.of(
            "tracking.frame-rate", ValueType.decimal(0, 10_000), 0.0,
            "Frames per second of every camera, to turn the tracking durations into frames; 0 measures each camera's "
                    + "from its frames' event times (30 until two frames have been seen).");
    public static final ConfigOption<Boolean> TRACKING_OBSERVATION_CENTRIC = ConfigOption.of(
            "tracking.observation-centric", ValueType.bool(), TrackerSettings.FOR_VIGIL_DETECTORS.observationCentric(),
            "OC-SORT's steps: re-update a track found again along a virtual path from its last observation, steer "
                    + "the association by the direction of its observations, recover it on its last observation.");
    public static final ConfigOption<Double> TRACKING_MOMENTUM_WEIGHT = ConfigOption.of(
            "tracking.momentum-weight", ValueType.decimal(0, 10), Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.momentumWeight() * 1000) / 1000.0,
            "Weight of the direction term in the association cost (OC-SORT's inertia); 0 = off.");
    public static final ConfigOption<Duration> TRACKING_MOMENTUM_WINDOW = ConfigOption.of(
            "tracking.momentum-window", ValueType.duration(), Duration.ofMillis(Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.momentumSeconds() * 1000)),
            "Time between the two observations a track's direction is measured from (at least one frame).");
    public static final ConfigOption<Double> TRACKING_BUFFERED_IOU = ConfigOption.of(
            "tracking.buffered-iou", ValueType.decimal(0, 10), Math.round(TrackerSettings.FOR_VIGIL_DETECTORS.bufferScale() * 1000) / 1000.0,
            "Tracks and detections left over by the IoU matching are matched again on the IoU of their boxes widened "
                    + "by this fraction of width and height per side, so fast or small objects still match; 0 = off.");
    public static final ConfigOption<String> TRACKING_CAMERA_MOTION = ConfigOption.of(
            "tracking.camera-motion", ValueType.oneOf("off", "auto"), TrackerSettings.FOR_VIGIL_DETECTORS.cameraMotion() ? "auto" : "off",
            "auto: estimate each camera's global image motion (translation) from its frames before detection and "
                    + "move its tracks by it before matching, for moving cameras (drones, pans); off: cameras are fixed.");
    public static final ConfigOption<Boolean> TRACKING_CALIBRATED_START = ConfigOption.of(
            "tracking.calibrated-start", ValueType.bool(), TrackerSettings.FOR_VIGIL_DETECTORS.calibratedStart(),
            "Start a new track's filter as uncertain as its first box: the aspect ratio at twice its measurement noise, "
                    + "the velocity for the time between the camera's frames; false: ByteTrack's start (tuned for 30 fps).");
    public static final ConfigOption<Long> TRACKING_MIN_HITS = ConfigOption.of(
            "tracking.min-hits", ValueType.integer(1, 1000), (long) TrackerSettings.FOR_VIGIL_DETECTORS.minConfirmHits(),
            "Matched frames before a new track is confirmed and reported.");
    public static final ConfigOption<Boolean> TRACKING_CLASS_AWARE = ConfigOption.of(
            "tracking.class-aware", ValueType.bool(), TrackerSettings.FOR_VIGIL_DETECTORS.classAware(),
            "Match detections only to tracks of the same class.");
    public static final ConfigOption<Long> TRACKING_REORDER_FRAMES = ConfigOption.of(
            "tracking.reorder-frames", ValueType.integer(0, 10_000), (long) TrackerSettings.FOR_VIGIL_DETECTORS.reorderFrames(),
            "Frames held to put a camera's out-of-order frames back in sequence before a gap counts as skipped.");
    public static final ConfigOption<Duration> TRACKING_REORDER_WAIT = ConfigOption.of(
            "tracking.reorder-wait", ValueType.duration(), Duration.ofMillis(TrackerSettings.FOR_VIGIL_DETECTORS.reorderWaitMillis()),
            "Longest a frame waits for a missing earlier frame of its camera.");
    public static final ConfigOption<Duration> TRACKING_IDLE_TIMEOUT = ConfigOption.of(
            "tracking.idle-timeout", ValueType.positiveDuration(), Duration.ofMillis(TrackerSettings.FOR_VIGIL_DETECTORS.idleTimeoutMillis()),
            "A camera silent this long has its tracking state cleared.");

    public static final ConfigOption<Object> ANALYTICS = ConfigOption.of(
            "analytics", ValueType.tree(), null,
            "Lines, zones and thresholds per camera (cameras.<id>.lines / zones, track-timeout-frames); needs "
                    + "tracking. See the README for the layout.");
    public static final ConfigOption<String> CONTROL_FILE = ConfigOption.of(
            "control.file", ValueType.string(), null,
            "YAML file with an analytics section, watched while the job runs: a valid change applies from the "
                    + "next frame, an invalid one is rejected with an event and the old settings stay. The job then "
                    + "runs until stopped.");
    public static final ConfigOption<Duration> COUNTS_WINDOW = ConfigOption.of(
            "counts.window", ValueType.positiveDuration(), Duration.ofMinutes(1),
            "Tumbling event-time window of the per-camera, per-class counts.");

    public static final ConfigOption<String> OUTPUT_TYPE = ConfigOption.of(
            "output.type", ValueType.oneOf("jsonl", "stdout"), "jsonl",
            "Where results go: a JSON Lines file, or standard output.");
    public static final ConfigOption<String> OUTPUT_PATH = ConfigOption.of(
            "output.path", ValueType.string(), "out/detections.jsonl", "Results file for output.type jsonl.");
    public static final ConfigOption<String> OUTPUT_REJECTS_PATH = ConfigOption.of(
            "output.rejects-path", ValueType.string(), "out/rejects.jsonl",
            "JSON Lines file of frames that could not be processed, with the reason.");

    public static final ConfigOption<String> OUTPUT_TRACKS_PATH = ConfigOption.of(
            "output.tracks-path", ValueType.string(), "out/tracks.jsonl",
            "JSON Lines file of tracked frames (when tracking is enabled).");
    public static final ConfigOption<String> OUTPUT_MOT_DIR = ConfigOption.of(
            "output.mot-dir", ValueType.string(), null,
            "Directory for tracks in MOTChallenge format, one <camera>.txt per camera; not written when unset.");
    public static final ConfigOption<List<String>> OUTPUT_MOT_CLASSES = ConfigOption.of(
            "output.mot-classes", ValueType.stringList(), null,
            "Classes whose tracks go to output.mot-dir, e.g. [person] as MOTChallenge evaluation expects; all when unset.");

    public static final ConfigOption<String> OUTPUT_EVENTS_PATH = ConfigOption.of(
            "output.events-path", ValueType.string(), "out/events.jsonl",
            "JSON Lines file of analytics events (line crossings, zone entries and exits, loitering, config).");
    public static final ConfigOption<String> OUTPUT_COUNTS_PATH = ConfigOption.of(
            "output.counts-path", ValueType.string(), "out/counts.jsonl",
            "JSON Lines file of windowed counts per camera and class.");
    public static final ConfigOption<String> OUTPUT_REPORT_PATH = ConfigOption.of(
            "output.report-path", ValueType.string(), null,
            "HTML run report (charts of the counts, crossings, zones, where objects were, the slowest frames, the "
                    + "rejects, the event snapshots) that ./vigil run writes from this run's files when the job ends; "
                    + "'vigil report' makes one at any time. Not written when unset.");

    /** All options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return concat(List.of(
                JOB_NAME, JOB_PARALLELISM, JOB_CHECKPOINT_INTERVAL, JOB_CHECKPOINT_DIR, JOB_KEEP_CHECKPOINTS,
                JOB_RESTART_ATTEMPTS,
                INPUT_TYPE, INPUT_PATHS, INPUT_CAMERA_IDS, INPUT_STRIDE, INPUT_MAX_FRAMES, INPUT_LOOP, INPUT_REALTIME,
                INPUT_FRAME_POLICY,
                DETECT_MAX_BATCH_SIZE, DETECT_MAX_WAIT, DETECT_SLOTS_PER_DEVICE, DETECT_CAPACITY,
                DETECT_MAX_IN_FLIGHT_BYTES, DETECT_CHECKPOINT_JPEG_QUALITY, DETECT_TIMEOUT,
                MODEL_NAME, MODEL_PATH, MODEL_FAMILY, MODEL_INPUT_SIZE, MODEL_NAMES_FILE, MODEL_DIR, MODEL_MIRROR, MODEL_SCORE_THRESHOLD, MODEL_IOU_THRESHOLD,
                MODEL_MAX_DETECTIONS, MODEL_THREADS,
                TRACKING_ENABLED, TRACKING_HIGH_THRESHOLD, TRACKING_LOW_THRESHOLD, TRACKING_NEW_TRACK_THRESHOLD,
                TRACKING_MATCH_IOU, TRACKING_BUFFER, TRACKING_BUFFER_FRAMES, TRACKING_FRAME_RATE,
                TRACKING_OBSERVATION_CENTRIC, TRACKING_MOMENTUM_WEIGHT, TRACKING_MOMENTUM_WINDOW, TRACKING_BUFFERED_IOU,
                TRACKING_CAMERA_MOTION, TRACKING_CALIBRATED_START, TRACKING_MIN_HITS, TRACKING_CLASS_AWARE,
                TRACKING_REORDER_FRAMES, TRACKING_REORDER_WAIT, TRACKING_IDLE_TIMEOUT,
                ANALYTICS, CONTROL_FILE, COUNTS_WINDOW,
                OUTPUT_TYPE, OUTPUT_PATH, OUTPUT_REJECTS_PATH, OUTPUT_TRACKS_PATH, OUTPUT_MOT_DIR, OUTPUT_MOT_CLASSES,
                OUTPUT_EVENTS_PATH, OUTPUT_COUNTS_PATH, OUTPUT_REPORT_PATH),
                SlicingOptions.all(),
                VisualOptions.all(),
                RtspOptions.all(),
                KafkaOptions.all(),
                ElasticsearchOptions.all());
    }

    @SafeVarargs
    private static List<ConfigOption<?>> concat(List<ConfigOption<?>>... parts) {
        List<ConfigOption<?>> all = new java.util.ArrayList<>();
        for (List<ConfigOption<?>> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
