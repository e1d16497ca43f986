package dev.vigil.job.cli.bench;

import dev.vigil.job.JobRunner;
import dev.vigil.job.VigilJob;
import dev.vigil.job.config.VigilConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the annotated video and the event snapshots cost: the whole job of a config (the street video with
 * analytics by default) with neither, with the annotated video, and with video and snapshots, one after
 * the other in the same process, for a number of rounds (each round in the reverse order of the one
 * before, so that a machine getting busier or the JIT warming up does not favour one mode). Checkpoints
 * are off; every output goes to a scratch folder, emptied before each run.
 */
final class VisualBench {

    /** The modes, by the name the JSON gives them, with the config keys each sets. */
    private static final Map<String, List<String>> MODES = modes();

    private VisualBench() {}

    private static Map<String, List<String>> modes() {
        Map<String, List<String>> modes = new LinkedHashMap<>();
        modes.put("off", List.of());
        modes.put("video", List.of("output.annotated-dir"));
        modes.put("video_and_snapshots", List.of("output.annotated-dir", "output.snapshots-dir"));
        return modes;
    }

    static void measure(Path config, int rounds, Path workDir, ObjectNode into) throws Exception {
        into.put("config", config.toString());
        into.put("rounds", rounds);
        Map<String, List<Double>> fps = new LinkedHashMap<>();
        MODES.keySet().forEach(mode -> fps.put(mode, new ArrayList<>()));
        long frames = 0;
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(MODES.keySet());
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String mode : order) {
                BenchCommand.progress("visual outputs, round " + (round + 1) + " of " + rounds + ": " + mode);
                JobRunner.Summary summary = run(config, MODES.get(mode), workDir);
                frames = summary.frames();
                fps.get(mode).add(BenchCommand.round(summary.frames() / summary.seconds()));
            }
        }
        into.put("frames", frames);
        ObjectNode each = into.putObject("fps");
        ObjectNode median = into.putObject("median_fps");
        fps.forEach((mode, values) -> {
            values.forEach(each.withArray(mode)::add);
            median.put(mode, BenchCommand.round(median(values)));
        });
        double off = median(fps.get("off"));
        into.put("ratio_video_to_off", BenchCommand.round(median(fps.get("video")) / off));
        into.put("ratio_video_and_snapshots_to_off", BenchCommand.round(median(fps.get("video_and_snapshots")) / off));
    }

    private static JobRunner.Summary run(Path config, List<String> visualKeys, Path workDir) throws Exception {
        clear(workDir);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("job.checkpoint-interval", "0");
        overrides.put("job.restart-attempts", "0");
        for (String key : List.of("output.path", "output.rejects-path", "output.tracks-path", "output.events-path",
                "output.counts-path")) {
            overrides.put(key, workDir.resolve(key.substring("output.".length()) + ".jsonl").toString());
        }
        visualKeys.forEach(key -> overrides.put(key, workDir.resolve(key.substring("output.".length())).toString()));
        VigilJob job = VigilJob.fromConfig(VigilConfig.load(config, overrides), config.toString());
        return new JobRunner(new PrintStream(OutputStream.nullOutputStream()))
                .run(job, StreamExecutionEnvironment.getExecutionEnvironment());
    }

    private static void clear(Path workDir) throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> all = Files.walk(workDir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(workDir);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
