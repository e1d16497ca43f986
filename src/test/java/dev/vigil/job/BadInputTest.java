package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input as a new user gives it to {@code vigil run}: broken configs, videos, models and outputs. Each
 * case must be refused before anything starts, with exit code 2, a first line that says it could not
 * start, the key or file concerned in the message, no stack trace, within seconds, and without creating
 * any output or changing any input.
 */
class BadInputTest {

    /** Generous for a loaded 2-core machine; a hang (the failure this guards against) takes far longer. */
    private static final long REFUSED_WITHIN_MILLIS = 30_000;

    @TempDir
    static Path files;

    private static Path video;
    private static Path videoCopy;
    private static Path emptyFile;
    private static Path textFile;
    private static Path truncatedVideo;
    private static Path directory;
    private static Path configDirectory;
    private static Path notYaml;
    private static Path listYaml;
    private static Path duplicateKeys;
    private static Path model;
    private static Path analytics;
    private static Path misspeltAnalytics;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path out;

    /** One bad input: the arguments after {@code run}, and a part of the message that must name the problem. */
    record Case(String name, List<String> args, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void makeBadFiles() throws IOException {
        video = TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath();
        videoCopy = Files.copy(video, files.resolve("street.mp4"));
        videoCopy.toFile().setWritable(true);
        emptyFile = Files.createFile(files.resolve("empty.mp4"));
        textFile = Files.writeString(files.resolve("notes.mp4"), "this is not a video\n");
        byte[] head = new byte[4096];
        try (var in = Files.newInputStream(video)) {
            in.readNBytes(head, 0, head.length);
        }
        truncatedVideo = Files.write(files.resolve("truncated.mp4"), head);
        directory = Files.createDirectory(files.resolve("videos"));
        configDirectory = Files.createDirectory(files.resolve("config.yaml"));
        notYaml = Files.writeString(files.resolve("broken.yaml"), "job: {name: [unclosed\n");
        listYaml = Files.writeString(files.resolve("list.yaml"), "- job\n- input\n");
        duplicateKeys = Files.writeString(files.resolve("twice.yaml"), "job:\n  name: a\n  name: b\n");
        model = TestData.modelMirror().resolve("nanodet-plus").resolve("nanodet-plus-m_320.onnx").toAbsolutePath()
                .normalize();
        String streetAnalytics = Files.readString(Path.of("conf", "street-analytics.yaml"));
        analytics = Files.writeString(files.resolve("analytics.yaml"), streetAnalytics);
        misspeltAnalytics = Files.writeString(files.resolve("misspelt.yaml"),
                streetAnalytics.replace("\n    street:\n", "\n    strete:\n"));
    }

    static Stream<Case> badInputs() {
        List<Case> cases = new ArrayList<>();
        // The config file itself.
        cases.add(bad("config file missing", "config file not found", "-c", "no/such/config.yaml"));
        cases.add(bad("config is a directory", "cannot read config file", "-c", configDirectory.toString()));
        cases.add(bad("config is not YAML", "not valid YAML", "-c", notYaml.toString()));
        cases.add(bad("config is a list", "must be a YAML mapping", "-c", listYaml.toString()));
        cases.add(bad("config key given twice", "not valid YAML", "-c", duplicateKeys.toString()));
        // Keys and values.
        cases.add(bad("unknown section", "pipeline.workers: unknown key", "--set", "pipeline.workers=2"));
        cases.add(bad("misspelt key", "did you mean input.stride?", "--set", "input.strid=2"));
        cases.add(bad("parallelism not a number", "job.parallelism: expected", "--set", "job.parallelism=abc"));
        cases.add(bad("parallelism zero", "job.parallelism: expected", "--set", "job.parallelism=0"));
        cases.add(bad("score threshold above 1", "model.score-threshold: expected", "--set",
                "model.score-threshold=2"));
        cases.add(bad("negative max wait", "detect.max-wait: expected", "--set", "detect.max-wait=-1s"));
        cases.add(bad("negative timeout", "detect.timeout: expected", "--set", "detect.timeout=-1s"));
        cases.add(bad("zero timeout", "detect.timeout: expected", "--set", "detect.timeout=0"));
        cases.add(bad("negative checkpoint interval", "job.checkpoint-interval: expected", "--set",
                "job.checkpoint-interval=-5s"));
        cases.add(bad("checkpoint interval under Flink's minimum", "job.checkpoint-interval: expected", "--set",
                "job.checkpoint-interval=5ms"));
        cases.add(bad("negative count window", "counts.window: expected", "--set", "counts.window=-10s"));
        cases.add(bad("duration without unit", "detect.max-wait: expected", "--set", "detect.max-wait=20"));
        cases.add(bad("tracking thresholds crossed", "tracking.low-threshold: 0.9 is above tracking.high-threshold",
                "--set", "tracking.low-threshold=0.9"));
        cases.add(bad("tracking idle timeout zero", "tracking.idle-timeout: expected", "--set",
                "tracking.idle-timeout=0"));
        cases.add(bad("negative reorder wait", "tracking.reorder-wait: expected", "--set",
                "tracking.reorder-wait=-1s"));
        cases.add(bad("unknown camera motion", "tracking.camera-motion: expected one of off, auto", "--set",
                "tracking.camera-motion=sometimes"));
        cases.add(bad("negative lost-track buffer", "tracking.buffer: expected", "--set", "tracking.buffer=-1s"));
        cases.add(bad("lost-track buffer given twice", "tracking.buffer-frames: give the lost-track buffer once",
                "--set", "tracking.buffer=2s", "--set", "tracking.buffer-frames=60"));
        cases.add(bad("negative frame rate", "tracking.frame-rate: expected", "--set", "tracking.frame-rate=-25"));
        cases.add(bad("buffered IoU too wide", "tracking.buffered-iou: expected", "--set",
                "tracking.buffered-iou=50"));
        cases.add(bad("momentum window without unit", "tracking.momentum-window: expected", "--set",
                "tracking.momentum-window=3"));
        cases.add(bad("unknown MOT class", "output.mot-classes: 'persn' is not a class of the model (did you mean person?)",
                "--set", "output.mot-classes=[persn]"));
        cases.add(bad("stride zero", "input.stride: expected", "--set", "input.stride=0"));
        cases.add(bad("negative max frames", "input.max-frames: expected", "--set", "input.max-frames=-1"));
        cases.add(bad("unknown input type", "input.type: expected one of file, kafka, rtsp", "--set",
                "input.type=ftp"));
        cases.add(bad("unknown output type", "output.type: expected one of", "--set", "output.type=xml"));
        cases.add(bad("unset variable", "${VIGIL_NO_SUCH_VARIABLE} is not set", "--set",
                "output.path=${VIGIL_NO_SUCH_VARIABLE}/d.jsonl"));
        cases.add(bad("unclosed list on the command line", "input.camera-ids: '[a,b' is not a list", "--set",
                "input.camera-ids=[a,b"));
        cases.add(bad("more camera ids than videos", "input.camera-ids: 2 camera ids for 1 input paths", "--set",
                "input.camera-ids=[a, b]"));
        cases.add(bad("camera ids repeated", "input.camera-ids: camera ids must be unique", "--set",
                "input.paths=" + video + "," + videoCopy, "--set", "input.camera-ids=[a, a]"));
        cases.add(bad("bad frame policy", "input.frame-policy: expected one of", "--set", "input.frame-policy=some"));
        cases.add(bad("bad batch size", "detect.max-batch-size: expected", "--set", "detect.max-batch-size=0"));
        cases.add(bad("bad in-flight bytes", "detect.max-in-flight-bytes: expected", "--set",
                "detect.max-in-flight-bytes=lots"));
        cases.add(bad("bad JPEG quality", "detect.checkpoint-jpeg-quality: expected", "--set",
                "detect.checkpoint-jpeg-quality=101"));
        cases.add(bad("bad model input size", "model.input-size: expected", "--set", "model.input-size=abc"));
        cases.add(bad("bad model threads", "model.threads: expected", "--set", "model.threads=-1"));
        // Videos.
        cases.add(bad("video missing", "input.paths[0]: video file not found", "-i", files.resolve("nope.mp4")
                .toString()));
        cases.add(bad("video is a directory", "input.paths[0]: " + directory + " is a directory; give a video file",
                "-i", directory.toString()));
        cases.add(bad("video is empty", "not a video file FFmpeg can read", "-i", emptyFile.toString()));
        cases.add(bad("video is text", "not a video file FFmpeg can read", "-i", textFile.toString()));
        cases.add(bad("video cut short", "not a video file FFmpeg can read", "-i", truncatedVideo.toString()));
        cases.add(bad("same video twice without ids", "two videos would both be camera 'street'", "-i",
                videoCopy.toString(), "-i", videoCopy.toString()));
        // Models.
        cases.add(bad("unknown model name", "model.name: ", "-m", "nanodet-plus-m-32"));
        cases.add(bad("model file missing", "model.path: ", "--model-path", files.resolve("nope.onnx").toString()));
        cases.add(bad("model file is a directory", "model.path: ", "--model-path", directory.toString()));
        cases.add(bad("model file is text", "model.path: ", "--model-path", textFile.toString()));
        cases.add(bad("unknown model family", "model.family: ", "--set", "model.family=yolov99"));
        cases.add(bad("class names file missing", "model.names-file: file not found", "--set",
                "model.names-file=" + files.resolve("nope.names")));
        // Outputs.
        cases.add(bad("output onto the input video", "output.path: " + videoCopy + " is input.paths[0], which this "
                + "run reads", "-i", videoCopy.toString(), "-o", videoCopy.toString()));
        cases.add(bad("output onto the model", "output.path: " + model + " is model.path", "--model-path",
                model.toString(), "-o", model.toString()));
        cases.add(bad("tracks onto the results", "is also output.path; give each output a file of its own",
                "--set", "output.tracks-path=" + files.resolve("same.jsonl"), "-o",
                files.resolve("same.jsonl").toString()));
        cases.add(bad("rejects onto the results", "output.rejects-path: ", "--set",
                "output.rejects-path=" + files.resolve("one.jsonl"), "-o", files.resolve("one.jsonl").toString()));
        cases.add(bad("results into a directory", "output.path: " + directory + " is a directory", "-o",
                directory.toString()));
        cases.add(bad("results where no file can be made", "output.path: cannot create /proc/vigil.jsonl", "-o",
                "/proc/vigil.jsonl"));
        cases.add(bad("rejects where no file can be made", "output.rejects-path: cannot create", "--set",
                "output.rejects-path=/proc/self/vigil/rejects.jsonl"));
        cases.add(bad("checkpoint directory is a file", "job.checkpoint-dir: ", "--set",
                "job.checkpoint-dir=" + textFile));
        cases.add(bad("report into a directory", "output.report-path: " + directory + " is a directory", "--set",
                "output.report-path=" + directory));
        cases.add(bad("report onto the results", "output.report-path: " + files.resolve("same.jsonl")
                + " is also output.path", "--set", "output.report-path=" + files.resolve("same.jsonl"), "-o",
                files.resolve("same.jsonl").toString()));
        cases.add(bad("report where no file can be made", "output.report-path: cannot create", "--set",
                "output.report-path=/proc/vigil-report.html"));
        cases.add(bad("MOT directory is a file", "output.mot-dir: ", "--set", "output.mot-dir=" + textFile));
        // Analytics.
        String analyticsConfig = analytics.toString();
        cases.add(bad("analytics for a camera the input lacks", "analytics.cameras.strete: the input has no camera "
                + "'strete' (did you mean street?", "-c", misspeltAnalytics.toString()));
        cases.add(bad("analytics without tracking", "analytics: works on tracks", "-c", analyticsConfig,
                "--set", "tracking.enabled=false"));
        cases.add(bad("control file missing", "control.file: file not found", "-c", analyticsConfig,
                "--set", "control.file=" + files.resolve("nope.yaml")));
        cases.add(bad("events onto the counts", "output.counts-path: ", "-c", analyticsConfig,
                "--set", "output.events-path=" + files.resolve("a.jsonl"),
                "--set", "output.counts-path=" + files.resolve("a.jsonl")));
        // Annotated video and snapshots.
        cases.add(bad("annotated folder is a file", "output.annotated-dir: ", "--set",
                "output.annotated-dir=" + textFile));
        cases.add(bad("annotated video stride negative", "output.annotated.stride: ", "--set",
                "output.annotated-dir=" + files.resolve("video"), "--set", "output.annotated.stride=-2"));
        cases.add(bad("annotated video scale above 1", "output.annotated.scale: ", "--set",
                "output.annotated-dir=" + files.resolve("video"), "--set", "output.annotated.scale=1.5"));
        cases.add(bad("annotated video scale 0", "output.annotated.scale: ", "--set",
                "output.annotated-dir=" + files.resolve("video"), "--set", "output.annotated.scale=0"));
        cases.add(bad("annotated video segment under a second", "output.annotated.segment: expected at least 1s",
                "--set", "output.annotated-dir=" + files.resolve("video"), "--set", "output.annotated.segment=500ms"));
        cases.add(bad("annotated video draws something unknown", "output.annotated.draw: unknown 'boxs'", "--set",
                "output.annotated-dir=" + files.resolve("video"), "--set", "output.annotated.draw=boxs,trails"));
        cases.add(bad("annotated folder holds the video", "output.annotated-dir: ", "--set",
                "output.annotated-dir=" + video.getParent()));
        cases.add(bad("snapshots without analytics", "output.snapshots-dir: snapshots are of analytics events",
                "--set", "output.snapshots-dir=" + files.resolve("snapshots")));
        cases.add(bad("snapshots of an unknown event type", "output.snapshots.events: unknown event type 'crossed'",
                "-c", analyticsConfig, "--set", "output.snapshots-dir=" + files.resolve("snapshots"),
                "--set", "output.snapshots.events=crossed"));
        cases.add(bad("snapshot URL template without its path", "output.snapshots.url-template: ", "-c",
                analyticsConfig, "--set", "output.snapshots-dir=" + files.resolve("snapshots"),
                "--set", "output.snapshots.url-template=https://nvr.example/snapshots"));
        cases.add(bad("snapshots into the annotated folder", "output.snapshots-dir: ", "-c", analyticsConfig,
                "--set", "output.snapshots-dir=" + files.resolve("both"),
                "--set", "output.annotated-dir=" + files.resolve("both")));
        // Other inputs, checked without connecting.
        cases.add(bad("Kafka input without brokers", "kafka.bootstrap-servers: required", "--set",
                "input.type=kafka", "--set", "kafka.frames-topic=frames"));
        cases.add(bad("Kafka input without a topic", "kafka.frames-topic: ", "--set", "input.type=kafka",
                "--set", "kafka.bootstrap-servers=127.0.0.1:9092"));
        cases.add(bad("RTSP input without cameras", "input.cameras: ", "--set", "input.type=rtsp"));
        cases.add(bad("exactly-once Kafka output without checkpoints", "kafka.delivery-guarantee: ", "--set",
                "kafka.bootstrap-servers=127.0.0.1:9092", "--set", "kafka.detections-topic=d", "--set",
                "kafka.delivery-guarantee=exactly-once", "--set", "job.checkpoint-interval=0"));
        cases.add(bad("Elasticsearch backoff of zero", "elasticsearch.bulk.backoff-initial: expected a positive",
                "--set", "elasticsearch.hosts=[http://127.0.0.1:9200]", "--set",
                "elasticsearch.bulk.backoff-initial=0"));
        cases.add(bad("Elasticsearch backoff above its maximum", "elasticsearch.bulk.backoff-initial: 60000 ms is "
                + "above elasticsearch.bulk.backoff-max", "--set", "elasticsearch.hosts=[http://127.0.0.1:9200]",
                "--set", "elasticsearch.bulk.backoff-initial=1m", "--set", "elasticsearch.bulk.backoff-max=10s"));
        return cases.stream();
    }

    private static Case bad(String name, String says, String... args) {
        return new Case(name, List.of(args), says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnythingStarts(Case bad) throws Exception {
        String inputBefore = sha256(videoCopy);
        List<String> args = new ArrayList<>(List.of("run",
                "--set", "output.path=" + out.resolve("detections.jsonl"),
                "--set", "output.rejects-path=" + out.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + out.resolve("tracks.jsonl"),
                "--set", "output.events-path=" + out.resolve("events.jsonl"),
                "--set", "output.counts-path=" + out.resolve("counts.jsonl"),
                "--set", "job.checkpoint-dir=" + out.resolve("checkpoints"),
                "--set", "input.paths=" + video));
        args.addAll(bad.args());
        if (!args.contains("-c")) {
            args.addAll(List.of("-c", "conf/demo.yaml"));
        }

        long start = System.nanoTime();
        int exit = VigilCli.execute(args.toArray(new String[0]));
        long millis = (System.nanoTime() - start) / 1_000_000;

        String stderr = console.stderr();
        assertThat(exit).as(stderr).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr.lines().findFirst().orElse("")).startsWith("Cannot start: ");
        assertThat(stderr).contains(bad.says());
        assertThat(stderr).as("no stack trace on the console").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(millis).as("refused within seconds").isLessThan(REFUSED_WITHIN_MILLIS);
        try (Stream<Path> made = Files.list(out)) {
            assertThat(made).as("nothing written").isEmpty();
        }
        assertThat(sha256(videoCopy)).as("the input untouched").isEqualTo(inputBefore);
        assertThat(Files.exists(files.resolve("same.jsonl")) || Files.exists(files.resolve("one.jsonl"))
                || Files.exists(files.resolve("a.jsonl"))).as("no clashing output created").isFalse();
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
