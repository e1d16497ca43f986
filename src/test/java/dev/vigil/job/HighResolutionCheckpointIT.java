package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.HdVideos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HD and 4K video with checkpoints every 2 s on the embedded default, run as a user runs it: every run
 * completes, its checkpoints complete and stay within 1.5 MB per 1080p camera, every frame is written exactly
 * once, and a finished run leaves no checkpoint behind.
 */
class HighResolutionCheckpointIT {

    /**
     * The target for 1080p: the three frames the default byte bound lets in and one on its way out, as JPEGs
     * of about 300 KB.
     */
    private static final double FULL_HD_MB_PER_CAMERA = 1.5;
    /**
     * 4K: the bound lets one 25 MB frame in, and a checkpoint may also catch the one before it, detected but
     * not yet handed on; two JPEGs of about 800 KB.
     */
    private static final double UHD_MB_PER_CAMERA = 2.0;
    private static final Pattern CHECKPOINTS = Pattern.compile("checkpoints: (\\d+) completed, largest ([0-9.]+) MB");

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void oneFullHdCamera() throws Exception {
        Path video = HdVideos.street1080p(240);

        int exit = run(List.of(video), "--set", "input.camera-ids=street");

        assertThat(exit).as(console.stderr()).isZero();
        assertThat(sequencesByCamera()).containsExactly(Map.entry("street", range(240)));
        assertCheckpointsWithin(FULL_HD_MB_PER_CAMERA);
    }

    @Test
    void eightFullHdCameras() throws Exception {
        Path video = HdVideos.street1080p(240);
        List<String> cameras = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");

        int exit = run(Collections.nCopies(8, video), "--set", "input.camera-ids=" + String.join(",", cameras),
                "--set", "input.max-frames=80");

        assertThat(exit).as(console.stderr()).isZero();
        Map<String, List<Long>> sequences = sequencesByCamera();
        assertThat(sequences.keySet()).containsExactlyElementsOf(cameras);
        assertThat(sequences.values()).allSatisfy(s -> assertThat(s).isEqualTo(range(80)));
        assertCheckpointsWithin(8 * FULL_HD_MB_PER_CAMERA);
    }

    @Test
    void one4kCamera() throws Exception {
        Path video = HdVideos.street4k(96);

        int exit = run(List.of(video), "--set", "input.camera-ids=street");

        assertThat(exit).as(console.stderr()).isZero();
        assertThat(sequencesByCamera()).containsExactly(Map.entry("street", range(96)));
        assertCheckpointsWithin(UHD_MB_PER_CAMERA);
    }

    private int run(List<Path> videos, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--config", "conf/demo.yaml",
                "--output", dir.resolve("detections.jsonl").toString(),
                "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"),
                "--set", "job.checkpoint-interval=2s",
                "--set", "job.checkpoint-dir=" + dir.resolve("checkpoints")));
        for (Path video : videos) {
            args.add("--input");
            args.add(video.toString());
        }
        args.addAll(List.of(extra));
        return VigilCli.execute(args.toArray(new String[0]));
    }

    /** Each camera's result sequence numbers, in file order. */
    private Map<String, List<Long>> sequencesByCamera() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<Long>> byCamera = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("detections.jsonl"))) {
            JsonNode record = mapper.readTree(line);
            byCamera.computeIfAbsent(record.get("camera_id").asText(), c -> new ArrayList<>())
                    .add(record.get("sequence").asLong());
        }
        return byCamera;
    }

    private void assertCheckpointsWithin(double budgetMegabytes) throws IOException {
        Matcher m = CHECKPOINTS.matcher(console.stdout());
        assertThat(m.find()).as("the report names the checkpoints: %s", console.stdout()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("checkpoints completed").isGreaterThanOrEqualTo(1);
        // Whether a checkpoint catches frames in flight depends on whether decoding or detection is slower at
        // that moment; CheckpointedFrameBudgetTest holds the per-frame size, this the whole checkpoint.
        double largest = Double.parseDouble(m.group(2));
        assertThat(largest).as("largest checkpoint (MB)").isLessThanOrEqualTo(budgetMegabytes);
        Path checkpoints = dir.resolve("checkpoints");
        assertThat(!Files.exists(checkpoints) || isEmpty(checkpoints))
                .as("a finished run removes its checkpoints").isTrue();
        assertThat(Files.readAllLines(dir.resolve("rejects.jsonl"))).isEmpty();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static List<Long> range(int frames) {
        return LongStream.range(0, frames).boxed().collect(Collectors.toList());
    }
}
