package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.operators.track.ByteTracker;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sliced inference in the job, as a user turns it on: the parking lot seen from above (every 15th frame, cars
 * driving in and out, each larger than a 320-pixel tile) as two cameras of the same video, one sliced and one
 * whole, through one batcher and the real NanoDet-Plus-m-320. Cars cut by the tile edges are where sliced
 * inference goes wrong (an object reported once per tile), so each must still be one box of its class.
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
                  stride: 15
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
    void aSlicedCameraTakesItsTilesKeepsWhatTheWholeFrameFindsAndReportsEachCarOnce() throws Exception {
        Path config = config("""
                min-frame-side: 0
                cameras:
                  sliced: {enabled: true}
                """);

        int exit = VigilCli.execute("run", "--config", config.toString());

        assertThat(exit).as(console.stderr()).isZero();
        Map<String, Map<Long, JsonNode>> byCamera = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("detections.jsonl"))) {
            JsonNode record = MAPPER.readTree(line);
            byCamera.computeIfAbsent(record.get("camera_id").asText(), c -> new TreeMap<>())
                    .put(record.get("sequence").asLong(), record);
        }
        Map<Long, JsonNode> sliced = byCamera.get("sliced");
        Map<Long, JsonNode> whole = byCamera.get("whole");
        assertThat(sliced.keySet()).hasSize(26).isEqualTo(whole.keySet());
        // 768x432 in 320-pixel tiles at overlap 0.2: 3 x 2 tiles, and the full-frame pass beside them.
        assertThat(sliced.values()).allSatisfy(r -> {
            assertThat(r.get("timing").get("tiles").asInt()).isEqualTo(6);
            assertThat(r.get("timing").get("batch_inputs").asInt()).isGreaterThanOrEqualTo(7);
        });
        assertThat(whole.values()).allSatisfy(r -> assertThat(r.get("timing").get("tiles").asInt()).isZero());
        // The full-frame pass keeps what the whole frame finds (COCO models call a car seen from above a car, a
        // cell phone or a bus: the class is the model's, the box is what is compared).
        int objects = 0;
        for (long sequence : whole.keySet()) {
            for (JsonNode object : whole.get(sequence).get("detections")) {
                objects++;
                assertThat(sliced.get(sequence).get("detections"))
                        .as("frame %d: the whole frame's %s, sliced", sequence, object)
                        .anySatisfy(found -> {
                            assertThat(found.get("label").asText()).isEqualTo(object.get("label").asText());
                            assertThat(iou(found.get("box"), object.get("box"))).isGreaterThan(0.5);
                        });
            }
            assertEachObjectOnce(sliced.get(sequence));
        }
        assertThat(objects).as("objects the whole frames show").isGreaterThanOrEqualTo(10);
        assertThat(console.stdout()).contains("sliced: 26 frames into 156 tiles (detect.slicing)");
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

    /**
     * No object twice: no two boxes of a class overlap as much as two passes' boxes of one object do. (Boxes of
     * different classes may: the model itself calls some cars both car and truck, sliced or not.)
     */
    private static void assertEachObjectOnce(JsonNode record) {
        JsonNode boxes = record.get("detections");
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).get("class_id").asInt() != boxes.get(j).get("class_id").asInt()) {
                    continue;
                }
                assertThat(iou(boxes.get(i).get("box"), boxes.get(j).get("box")))
                        .as("frame %d: %s and %s", record.get("sequence").asLong(), boxes.get(i), boxes.get(j))
                        .isLessThan(0.7);
            }
        }
    }

    /** IoU of two JSON boxes [x1, y1, x2, y2], as the tracker computes it. */
    private static double iou(JsonNode a, JsonNode b) {
        return ByteTracker.iou(corners(a), corners(b));
    }

    private static double[] corners(JsonNode box) {
        return new double[] {box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble()};
    }
}
