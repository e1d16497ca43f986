package dev.vigil.job.cli.bench;

import dev.vigil.job.JobRunner;
import dev.vigil.job.VigilJob;
import dev.vigil.job.config.VigilConfig;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil bench-checkpoints}: what checkpoints cost with high-resolution video. For each resolution
 * and camera count the job (decode, detect, track, JSON Lines) runs on the embedded mini-cluster with
 * checkpoints every {@code --interval}; it prints the checkpoints completed, the largest and the slowest,
 * frames per second and the peak Java heap. Then 1080p with 1 and 8 cameras runs with checkpoints on
 * and off in turn, for the throughput ratio (a ratio taken in one session: absolute figures vary between
 * runs on small machines). The videos are the sample video scaled with FFmpeg (H.264, 20 Mbit/s at 1080p), made
 * once in the work directory. A first run, not reported, loads the model and warms the JIT.
 */
@Command(
        name = "bench-checkpoints",
        mixinStandardHelpOptions = true,
        description = {
            "Measures checkpoint size and duration, throughput and peak heap for cameras x resolution,",
            "and the throughput with checkpoints on against off; prints a table."
        })
public final class CheckpointBenchCommand implements Callable<Integer> {

    @Option(names = "--video", description = "Video to scale. Default: the street sample in the data directory.")
    Path video;

    @Option(names = "--resolutions", split = ",", defaultValue = "640x352,1920x1080,3840x2160",
            description = "Resolutions, WIDTHxHEIGHT. Default: ${DEFAULT-VALUE}")
    List<String> resolutions;

    @Option(names = "--cameras", split = ",", defaultValue = "1,8,16",
            description = "Camera counts (each camera is the video again). Default: ${DEFAULT-VALUE}")
    List<Integer> cameras;

    @Option(names = "--frames", defaultValue = "120", description = "Frames per camera. Default: ${DEFAULT-VALUE}")
    int frames;

    @Option(names = "--interval", defaultValue = "2s", description = "Checkpoint interval. Default: ${DEFAULT-VALUE}")
    String interval;

    @Option(names = "--model", defaultValue = "nanodet-plus-m-320", description = "Catalogue model. Default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any job config key for every run, e.g. "
            + "--set detect.max-in-flight-bytes=64mb or --set detect.checkpoint-jpeg-quality=0 (raw frames).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--work-dir", defaultValue = "target/bench-checkpoints",
            description = "Scaled videos, outputs and checkpoints go here. Default: ${DEFAULT-VALUE}")
    Path workDir;

    @Option(names = "--ratio-frames", defaultValue = "480", description = "Frames in all of each throughput "
            + "comparison run (1080p; 1 camera, and 8 cameras sharing them). Default: ${DEFAULT-VALUE}")
    int ratioFrames;

    @Option(names = "--ratio-rounds", defaultValue = "3",
            description = "Checkpoints-on/off pairs per comparison, alternating. Default: ${DEFAULT-VALUE}")
    int ratioRounds;

    @Option(names = "--no-baseline", description = "Leave out the throughput comparison with checkpoints off.")
    boolean noBaseline;

    /** One measured run. */
    record Run(String resolution, int cameras, JobRunner.Summary summary, long peakHeapBytes) {
        double framesPerSecond() {
            return summary.frames() / summary.seconds();
        }
    }

    @Override
    public Integer call() throws Exception {
        Path source = video != null ? video : BenchCommand.defaultVideo();
        Files.createDirectories(workDir);
        List<Run> runs = new ArrayList<>();
        // Loads the model and warms the JIT, so that the first measured run is not the slowest for that reason.
        run(scaled(source, resolutions.get(0), frames), resolutions.get(0), 1, frames, false);
        for (String resolution : resolutions) {
            Path scaled = scaled(source, resolution, frames);
            for (int count : cameras) {
                runs.add(run(scaled, resolution, count, frames, true));
            }
        }
        printTable(runs, System.out);
        if (!noBaseline) {
            Path fullHd = scaled(source, "1920x1080", ratioFrames);
            for (int count : List.of(1, 8)) {
                List<Double> ratios = new ArrayList<>();
                for (int round = 0; round < ratioRounds; round++) {
                    Run on = run(fullHd, "1920x1080", count, ratioFrames / count, true);
                    Run off = run(fullHd, "1920x1080", count, ratioFrames / count, false);
                    ratios.add(on.framesPerSecond() / off.framesPerSecond());
                    System.out.printf("1920x1080 x %d camera(s), %d frames: %.1f frames/s with checkpoints every %s "
                                    + "(%d, largest %.2f MB), %.1f without: ratio %.2f; peak heap %.0f / %.0f MB%n",
                            count, on.summary().frames(), on.framesPerSecond(), interval,
                            on.summary().checkpoints().completed(), on.summary().checkpoints().largestBytes() / 1e6,
                            off.framesPerSecond(), ratios.get(ratios.size() - 1), on.peakHeapBytes() / 1e6,
                            off.peakHeapBytes() / 1e6);
                }
                ratios.sort(null);
                int middle = ratios.size() / 2;
                double median = ratios.size() % 2 == 1 ? ratios.get(middle)
                        : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
                System.out.printf("1920x1080 x %d camera(s): median throughput ratio, checkpoints on / off: %.2f%n",
                        count, median);
            }
        }
        return 0;
    }

    private Run run(Path video, String resolution, int count, int framesPerCamera, boolean checkpoints)
            throws Exception {
        BenchCommand.progress(String.format("%s x %d camera(s), checkpoints %s ...", resolution, count,
                checkpoints ? "every " + interval : "off"));
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("cam" + i);
        }
        overrides.put("job.name", "bench-checkpoints");
        overrides.put("job.checkpoint-interval", checkpoints ? interval : "0");
        overrides.put("job.checkpoint-dir", workDir.resolve("checkpoints").toString());
        overrides.put("job.restart-attempts", "0");
        overrides.put("input.paths", String.join(",", java.util.Collections.nCopies(count, video.toString())));
        overrides.put("input.camera-ids", String.join(",", ids));
        overrides.put("input.max-frames", Integer.toString(framesPerCamera));
        overrides.put("model.name", model);
        overrides.put("tracking.enabled", "true");
        overrides.put("output.path", workDir.resolve("detections.jsonl").toString());
        overrides.put("output.rejects-path", workDir.resolve("rejects.jsonl").toString());
        overrides.put("output.tracks-path", workDir.resolve("tracks.jsonl").toString());
        overrides.putAll(settings);
        VigilJob job = VigilJob.fromConfig(VigilConfig.parse("bench-checkpoints", "{}", overrides),
                "bench-checkpoints");
        System.gc();
        resetPeakHeap();
        JobRunner.Summary summary = new JobRunner(new PrintStream(OutputStream.nullOutputStream()))
                .run(job, StreamExecutionEnvironment.getExecutionEnvironment());
        return new Run(resolution, count, summary, peakHeap());
    }

    /** The first {@code frames} frames of {@code source} at {@code resolution}, made once. */
    private Path scaled(Path source, String resolution, int frames) throws Exception {
        return ScaledVideo.of(source, resolution, frames, workDir);
    }

    private static void printTable(List<Run> runs, PrintStream out) {
        out.printf("%-10s %7s %6s %8s %7s %11s %13s %11s %13s%n", "resolution", "cameras", "frames", "frames/s",
                "chkpts", "largest MB", "MB per camera", "slowest ms", "peak heap MB");
        for (Run run : runs) {
            JobRunner.Summary s = run.summary();
            out.printf("%-10s %7d %6d %8.1f %7d %11.2f %13.2f %11d %13.0f%n", run.resolution(), run.cameras(), s.frames(),
                    run.framesPerSecond(), s.checkpoints().completed(), s.checkpoints().largestBytes() / 1e6,
                    s.checkpoints().largestBytes() / 1e6 / run.cameras(), s.checkpoints().slowestMillis(),
                    run.peakHeapBytes() / 1e6);
        }
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
