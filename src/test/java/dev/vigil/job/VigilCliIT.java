package dev.vigil.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code run} command as a user calls it: the demo config on the embedded mini-cluster, and
 * each kind of bad input stopped before the job starts with a message naming the problem.
 */
class VigilCliIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--config", "conf/demo.yaml",
                "--output", dir.resolve("detections.jsonl").toString(),
                "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"),
                "--set", "output.mot-dir=" + dir.resolve("mot")));
        args.addAll(Arrays.asList(extra));
        return VigilCli.execute(args.toArray(new String[0]));
    }

    private String stdout() {
        return console.stdout();
    }

    private String stderr() {
        return console.stderr();
    }

    @Test
    void demoConfigRunsAndWritesOneJsonLinePerFrameAndASummary() throws Exception {
        int exit = run("--set", "input.max-frames=40");

        assertThat(exit).as(stderr()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("detections.jsonl"));
        assertThat(lines).hasSize(40);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("camera_id").asText()).isEqualTo("street");
        assertThat(first.get("model").asText()).isEqualTo("nanodet-plus-m-320");
        assertThat(first.get("sequence").asLong()).isZero();
        long withCars = lines.stream().filter(l -> l.contains("\"label\":\"car\"")).count();
        assertThat(withCars).isGreaterThan(30);
        assertThat(Files.readAllLines(dir.resolve("rejects.jsonl"))).isEmpty();
        List<String> tracks = Files.readAllLines(dir.resolve("tracks.jsonl"));
        assertThat(tracks).hasSize(40);
        JsonNode lastTracked = mapper.readTree(tracks.get(39));
        assertThat(lastTracked.get("camera_id").asText()).isEqualTo("street");
        assertThat(lastTracked.get("objects").size()).isPositive();
        assertThat(Files.readAllLines(dir.resolve("mot/street.txt")))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.split(",")).hasSize(10));
        assertThat(stdout())
                .contains("frames to process: 40")
                .contains("frames: 40 processed")
                .containsPattern("detections: \\d+ \\(car \\d+")
                .contains("results: " + dir.resolve("detections.jsonl"));
    }

    @Test
    void resultsToStandardOutputFromTheConfigFileKeepTheReportOffIt() throws Exception {
        Path config = dir.resolve("stdout.yaml");
        Files.writeString(config, Files.readString(Path.of("conf/demo.yaml"))
                .replace("  type: jsonl", "  type: stdout"));

        int exit = VigilCli.execute("run", "--config", config.toString(),
                "--set", "input.max-frames=5",
                "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"));

        assertThat(exit).as(stderr()).isZero();
        List<String> lines = stdout().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("only result lines on standard output").hasSize(5)
                .allSatisfy(l -> assertThat(l).startsWith("{\"format\""));
        assertThat(stderr()).contains("frames: 5 processed");
    }

    @Test
    void missingVideoStopsBeforeStartingAndSaysHowToGiveOne() {
        int exit = run("--input", dir.resolve("nope.mp4").toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("input.paths[0]: video file not found: " + dir.resolve("nope.mp4"))
                .contains("--input FILE");
        assertThat(dir.resolve("detections.jsonl")).doesNotExist();
    }

    @Test
    void unknownModelListsTheKnownOnes() {
        int exit = run("--model", "yolov6-huge");

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("model.name:").contains("yolov6-huge")
                .contains("nanodet-plus-m-320").contains("nanodet-plus-m-416")
                .contains("yolov6lite-s").contains("yolov6lite-l");
    }

    @Test
    void modelFileWithWrongChecksumIsRefused() throws Exception {
        Path mirror = dir.resolve("mirror");
        Files.createDirectories(mirror.resolve("nanodet-plus"));
        Files.write(mirror.resolve("nanodet-plus/nanodet-plus-m_320.onnx"), new byte[] {1, 2, 3});
        Files.createDirectories(dir.resolve("models"));

        int exit = run("--set", "model.mirror=" + mirror, "--set", "model.dir=" + dir.resolve("models"));

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("model.name:").contains("nanodet-plus-m_320.onnx")
                .contains("c854e1849f7587d78242f30318dbe786eea2964aa8e91de7b8174bf819626eb0");
    }

    @Test
    void catalogueFileGivenByPathIsKnownByItsName() {
        Path file = dev.vigil.testing.TestData.modelMirror().resolve("yolov6/yolov6lite_s.onnx");

        int exit = run("--model-path", file.toString(), "--set", "input.max-frames=5");

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("(yolov6, 320x320").contains("sha256 verified").contains("frames: 5 processed");
    }

    @Test
    void unknownModelFileGivenByPathIsRecognisedByItsOutputs() throws Exception {
        // The same weights under a name the catalogue does not know: a user's own export.
        Path file = dir.resolve("my-detector.onnx");
        Files.copy(dev.vigil.testing.TestData.modelMirror().resolve("yolov6/yolov6lite_s.onnx"), file);

        int exit = run("--model-path", file.toString(), "--set", "input.max-frames=5");

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("yolov6 detected from the output layout").contains("frames: 5 processed");
    }

    @Test
    void modelFileOfAnotherFamilyIsRefusedBeforeTheJobStarts() {
        Path file = dev.vigil.testing.TestData.modelMirror().resolve("yolov6/yolov6lite_s.onnx");

        int exit = run("--model-path", file.toString(), "--set", "model.family=nanodet-plus");

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("model.path:").contains("does not fit family 'nanodet-plus'")
                .contains("[B, 2125, 85]").contains("the file fits family yolov6");
    }

    @Test
    void typoedKeyAndBadValueAreBothReported() {
        int exit = run("--set", "input.strid=2", "--set", "model.score-threshold=2");

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("2 problems")
                .contains("input.strid: unknown key (did you mean input.stride?)")
                .contains("model.score-threshold: expected a number from 0.0 to 1.0, got 2.0");
    }

    @Test
    void trackingThresholdsThatContradictEachOtherAreRefused() {
        int exit = run("--set", "tracking.low-threshold=0.9");

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(stderr()).contains("tracking.low-threshold: 0.9 is above tracking.high-threshold (0.4)")
                .doesNotContain("ScoreThreshold");
    }

    @Test
    void benchTakesAModelFileOfAnyFamilyWithoutACatalogueName() throws Exception {
        Path file = dev.vigil.testing.TestData.modelMirror().resolve("yolov6/yolov6lite_s.onnx");
        Path report = dir.resolve("bench.json");

        int exit = VigilCli.execute("bench", "--model-path", file.toString(), "--skip", "job,multi,live,tracker",
                "--raw-frames", "4", "--batch-sizes", "1", "--output", report.toString());

        assertThat(exit).as(stderr()).isZero();
        assertThat(Files.readString(report)).contains("yolov6lite_s.onnx");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(VigilCli.execute("--help")).isZero();
        assertThat(stdout()).contains("run").contains("config-keys").contains("evaluate").contains("track-eval")
                .contains("bench");
        assertThat(VigilCli.execute("run", "--help")).isZero();
        assertThat(stdout()).contains("--config").contains("--input").contains("--model");
    }
}
