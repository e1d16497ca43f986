package dev.vigil.job.config;

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
            "job.checkpoint-interval", ValueType.duration(), Duration.ofSeconds(10),
            "How often to take a checkpoint (exactly-once); 0 turns checkpointing off.");

    public static final ConfigOption<String> INPUT_TYPE = ConfigOption.of(
            "input.type", ValueType.oneOf("file"), "file", "Where frames come from.");
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
            "Stop each camera after this many processed frames; 0 = no limit.");
    public static final ConfigOption<Boolean> INPUT_LOOP = ConfigOption.of(
            "input.loop", ValueType.bool(), false, "Start each video again when it ends (the job then runs until stopped).");
    public static final ConfigOption<Boolean> INPUT_REALTIME = ConfigOption.of(
            "input.realtime", ValueType.bool(), false, "Emit frames at the video's own frame rate, like a live camera.");

    public static final ConfigOption<String> INPUT_FRAME_POLICY = ConfigOption.of(
            "input.frame-policy", ValueType.oneOf("lossless", "latest"), "lossless",
            "When the detector falls behind: lossless slows the source (files, Kafka); latest lets a camera's newest "
                    + "frame replace one still waiting, counting it as skipped (live cameras).");

    public static final ConfigOption<Long> DETECT_MAX_BATCH_SIZE = ConfigOption.of(
            "detect.max-batch-size", ValueType.integer(1, 256), 4L,
            "A batch runs as soon as this many frames (from any camera) wait for the model.");
    public static final ConfigOption<Duration> DETECT_MAX_WAIT = ConfigOption.of(
            "detect.max-wait", ValueType.duration(), Duration.ofMillis(20),
            "A batch also runs once its first frame has waited this long, full or not.");
    public static final ConfigOption<Long> DETECT_SLOTS_PER_DEVICE = ConfigOption.of(
            "detect.slots-per-device", ValueType.integer(1, 64), 1L,
            "Batches that may run at once on one device (CPU or GPU); more wait, and the source slows.");
    public static final ConfigOption<Long> DETECT_CAPACITY = ConfigOption.of(
            "detect.capacity", ValueType.integer(0, 100_000), 0L,
            "Frames in flight per detection subtask before it backpressures; 0 = 2 x max-batch-size x slots.");
    public static final ConfigOption<Duration> DETECT_TIMEOUT = ConfigOption.of(
            "detect.timeout", ValueType.duration(), Duration.ofSeconds(60),
            "A frame not detected within this time fails the job (its restart strategy applies).");

    public static final ConfigOption<String> MODEL_NAME = ConfigOption.of(
            "model.name", ValueType.string(), "nanodet-plus-m-320", "Catalogue name of the detector model.");
    public static final ConfigOption<String> MODEL_PATH = ConfigOption.of(
            "model.path", ValueType.string(), null, "Explicit model file; overrides the catalogue lookup.");
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
            "model.threads", ValueType.integer(0, 256), 0L,
            "ONNX Runtime threads per model call; 0 = the runtime's default (all cores).");

    public static final ConfigOption<String> OUTPUT_TYPE = ConfigOption.of(
            "output.type", ValueType.oneOf("jsonl", "stdout"), "jsonl",
            "Where results go: a JSON Lines file, or standard output.");
    public static final ConfigOption<String> OUTPUT_PATH = ConfigOption.of(
            "output.path", ValueType.string(), "out/detections.jsonl", "Results file for output.type jsonl.");
    public static final ConfigOption<String> OUTPUT_REJECTS_PATH = ConfigOption.of(
            "output.rejects-path", ValueType.string(), "out/rejects.jsonl",
            "JSON Lines file of frames that could not be processed, with the reason.");

    /** All options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                JOB_NAME, JOB_PARALLELISM, JOB_CHECKPOINT_INTERVAL,
                INPUT_TYPE, INPUT_PATHS, INPUT_CAMERA_IDS, INPUT_STRIDE, INPUT_MAX_FRAMES, INPUT_LOOP, INPUT_REALTIME,
                INPUT_FRAME_POLICY,
                DETECT_MAX_BATCH_SIZE, DETECT_MAX_WAIT, DETECT_SLOTS_PER_DEVICE, DETECT_CAPACITY, DETECT_TIMEOUT,
                MODEL_NAME, MODEL_PATH, MODEL_DIR, MODEL_MIRROR, MODEL_SCORE_THRESHOLD, MODEL_IOU_THRESHOLD,
                MODEL_MAX_DETECTIONS, MODEL_THREADS,
                OUTPUT_TYPE, OUTPUT_PATH, OUTPUT_REJECTS_PATH);
    }
}
