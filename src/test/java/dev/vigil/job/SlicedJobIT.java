package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sliced inference in the job, as a user turns it on: the parking lot seen from above (cars 30-60 pixels long
 * in a 768x432 frame) as two cameras of the same video, one sliced into 320-pixel tiles and one whole, through
 * one batcher and the real NanoDet-Plus-m-320.
 */
class SlicedJobIT {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Path config(String slicing) throws Exception {
        Path video = TestData.data("video/intel-sample-videos/car-detection.mp4");
        Path file = dir.resolve("sliced.yaml");
        Files.writeString(file, """
                job:
                  keep-checkpoints: false
                  checkpoint-dir: %s
                input:
                  type: file
                  paths: [%s, %s]
                  camera-ids: [sliced, whole]
                  max-frames: 12
                detect:
                  max-batch-size: 8
                  slicing:
                %s
                model:
                  name: nanodet-plus-m-320
                  score-threshold: 0.35
                output:
                  path: %s
                  rejects-path: %s
                """.formatted(dir.resolve("checkpoints"), video, video, slicing.indent(4).stripTrailing(),
                dir.resolve("detections.jsonl"), dir.resolve("rejects.jsonl")));
        return file;
    }

    @Test
    void aSlicedCameraTakesItsTilesAndFindsWhatTheWholeFrameMisses() throws Exception {
        Path config = config("""
                min-frame-side: 0
                cameras:
                  sliced: {enabled: true}
                """);

        int exit = VigilCli.execute("run", "--config", config.toString());

        assertThat(exit).as(console.stderr()).isZero();
        Map<String, List<JsonNode>> byCamera = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("detections.jsonl"))) {
            JsonNode record = MAPPER.readTree(line);
            byCamera.computeIfAbsent(record.get("camera_id").asText(), c -> new ArrayList<>()).add(record);
        }
        assertThat(byCamera.get("sliced")).hasSize(12);
        assertThat(byCamera.get("whole")).hasSize(12);
        // 768x432 in 320-pixel tiles at overlap 0.2: 3 x 2 tiles, and the full-frame pass beside them.
        assertThat(byCamera.get("sliced")).allSatisfy(r -> {
            assertThat(r.get("timing").get("tiles").asInt()).isEqualTo(6);
            assertThat(r.get("timing").get("batch_inputs").asInt()).isGreaterThanOrEqualTo(7);
        });
        assertThat(byCamera.get("whole")).allSatisfy(r -> assertThat(r.get("timing").get("tiles").asInt()).isZero());
        int sliced = detections(byCamera.get("sliced"));
        int whole = detections(byCamera.get("whole"));
        assertThat(sliced).as("cars found sliced (%d) against whole (%d)", sliced, whole).isGreaterThan(whole);
        for (JsonNode record : byCamera.get("sliced")) {
            assertNoDuplicates(record);
        }
        assertThat(Files.readAllLines(dir.resolve("rejects.jsonl"))).isEmpty();
    }

    @Test
    void aSlicingMistakeIsNamedBeforeAnythingRuns() throws Exception {
        Path config = config("""
                cameras:
                  slicde: {enabled: true, overlap: 1.5}
                """);

        int exit = VigilCli.execute("run", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr())
                .contains("detect.slicing.cameras.slicde.overlap: expected a number from 0.0 to 0.9, got 1.5")
                .contains("detect.slicing.cameras.slicde: the input has no camera 'slicde' (did you mean sliced?")
                .doesNotContain("Exception");
        assertThat(dir.resolve("detections.jsonl")).doesNotExist();
    }

    private static int detections(List<JsonNode> records) {
        return records.stream().mapToInt(r -> r.get("detections").size()).sum();
    }

    /** No object twice: the boxes of one class overlap less than a tile's copy and the full frame's would. */
    private static void assertNoDuplicates(JsonNode record) {
        JsonNode boxes = record.get("detections");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).get("class_id").asInt() == boxes.get(j).get("class_id").asInt()) {
                    assertThat(iou(boxes.get(i).get("box"), boxes.get(j).get("box")))
                            .as("frame %d: %s and %s", record.get("sequence").asLong(), boxes.get(i), boxes.get(j))
                            .isLessThan(0.7);
                }
            }
        }
    }

    private static double iou(JsonNode a, JsonNode b) {
        double iw = Math.min(a.get(2).asDouble(), b.get(2).asDouble()) - Math.max(a.get(0).asDouble(), b.get(0).asDouble());
        double ih = Math.min(a.get(3).asDouble(), b.get(3).asDouble()) - Math.max(a.get(1).asDouble(), b.get(1).asDouble());
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double areaA = (a.get(2).asDouble() - a.get(0).asDouble()) * (a.get(3).asDouble() - a.get(1).asDouble());
        double areaB = (b.get(2).asDouble() - b.get(0).asDouble()) * (b.get(3).asDouble() - b.get(1).asDouble());
        return inter / (areaA + areaB - inter);
    }
}
