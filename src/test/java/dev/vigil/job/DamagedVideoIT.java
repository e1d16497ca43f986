package dev.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.BrokenVideos;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.LogCapture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code vigil run} on broken videos: frames a damaged video loses in the middle are rejects that say
 * which frames and how many, they count in the summary, the frames after them keep their index in the
 * stream, FFmpeg's complaints stay off the console, and a video whose frame size changes gives every
 * frame its own size.
 */
class DamagedVideoIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The frame limit: past the damaged street video's gap, short of its end. */
    private static final int MAX_FRAMES = 500;
    private static final int FRAMES_PER_SIZE = 30;

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void framesLostToDamageAreRejectsThatAddUpAndEachFrameHasItsOwnSize() throws Exception {
        Path damaged = BrokenVideos.damagedStreet();
        Path sizes = BrokenVideos.sizeChangingStreet(FRAMES_PER_SIZE);
        int exit;
        String log;
        try (LogCapture capture = new LogCapture()) {
            exit = VigilCli.execute("run", "--config", "conf/demo.yaml",
                    "--input", damaged.toString(), "--input", sizes.toString(),
                    "--output", dir.resolve("detections.jsonl").toString(),
                    "--set", "input.camera-ids=damaged,sizes",
                    "--set", "input.max-frames=" + MAX_FRAMES,
                    "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                    "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"),
                    "--set", "output.mot-dir=" + dir.resolve("mot"));
            log = capture.text();
        }
        assertThat(exit).as(console.stderr()).isZero();
        String damagedCamera = "damaged";
        String sizesCamera = "sizes";

        List<JsonNode> rejects = lines("rejects.jsonl");
        assertThat(rejects).as("the one gap of the damaged video").singleElement().satisfies(gap -> {
            assertThat(gap.get("camera_id").asText()).isEqualTo(damagedCamera);
            assertThat(gap.get("stage").asText()).isEqualTo("decode");
            assertThat(gap.get("frames").asLong())
                    .isEqualTo(gap.get("last_sequence").asLong() - gap.get("sequence").asLong() + 1)
                    .isGreaterThan(10);
            assertThat(gap.get("reason").asText()).contains(damaged.toString()).contains("missing");
        });
        JsonNode gap = rejects.get(0);
        long lost = gap.get("frames").asLong();

        List<JsonNode> detections = lines("detections.jsonl");
        List<Long> sequences = detections.stream()
                .filter(d -> d.get("camera_id").asText().equals(damagedCamera))
                .map(d -> d.get("sequence").asLong())
                .collect(Collectors.toList());
        assertThat(sequences.size() + lost).as("decoded + missing = the frames asked for").isEqualTo(MAX_FRAMES);
        assertThat(sequences).contains(gap.get("sequence").asLong() - 1, gap.get("last_sequence").asLong() + 1)
                .doesNotContain(gap.get("sequence").asLong(), gap.get("last_sequence").asLong())
                .endsWith((long) MAX_FRAMES - 1);

        List<JsonNode> sized = detections.stream()
                .filter(d -> d.get("camera_id").asText().equals(sizesCamera))
                .sorted(java.util.Comparator.comparingLong(d -> d.get("sequence").asLong()))
                .collect(Collectors.toList());
        assertThat(sized).hasSize(2 * FRAMES_PER_SIZE);
        assertThat(sized.subList(0, FRAMES_PER_SIZE)).allSatisfy(d -> assertThat(size(d)).isEqualTo("640x352"));
        assertThat(sized.subList(FRAMES_PER_SIZE, 2 * FRAMES_PER_SIZE))
                .allSatisfy(d -> assertThat(size(d)).isEqualTo("320x176"));

        assertThat(console.stdout())
                .contains("frames: " + (sequences.size() + sized.size()) + " processed")
                .contains(", " + lost + " rejected")
                .contains("rejects: " + dir.resolve("rejects.jsonl") + " — 1 record (decode 1)");
        assertThat(console.stdout() + console.stderr()).doesNotContain("h264").doesNotContain("NAL unit");
        assertThat(log).containsPattern("WARN SplitDecoder Camera " + damagedCamera
                + ": FFmpeg logged [1-9]\\d* message\\(s\\) decoding " + java.util.regex.Pattern.quote(damaged.toString()));
    }

    private static String size(JsonNode detection) {
        return detection.get("width").asInt() + "x" + detection.get("height").asInt();
    }

    private List<JsonNode> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file)).stream().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toList());
    }
}
