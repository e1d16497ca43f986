package dev.vigil.job;

import dev.vigil.operators.detect.DetectFrames;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Executes a {@link VigilJob} and reports on it: progress while it runs (frames done / total and
 * frames per second, read from the job's accumulators) and a summary when it ends. The same code
 * runs on the embedded mini-cluster and, attached, against a cluster.
 */
public final class JobRunner {

    private static final long PROGRESS_INTERVAL_MILLIS = 2_000;

    private final PrintStream report;

    public JobRunner(PrintStream report) {
        this.report = report;
    }

    /** Runs {@code job} to the end and returns its summary. */
    public Summary run(VigilJob job, StreamExecutionEnvironment env) throws Exception {
        job.configure(env);
        job.pipeline().addTo(env);
        long expected = job.expectedFrames();
        report.printf("Vigil: %s%n  model: %s%n  frames to process: %s%n", job.name(), job.modelDescription(),
                expected < 0 ? "unbounded (runs until stopped)" : Long.toString(expected));
        long start = System.nanoTime();
        JobClient client = env.executeAsync(job.name());
        CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
        long lastFrames = -1;
        while (true) {
            try {
                done.get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                lastFrames = printProgress(client, expected, start, lastFrames);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Summary summary = Summary.of(done.get(), seconds, job.resultsFile(), job.rejectsFile());
        summary.print(report);
        return summary;
    }

    private long printProgress(JobClient client, long expected, long startNanos, long lastFrames) {
        Map<String, Object> accumulators;
        try {
            accumulators = client.getAccumulators().get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Progress is best effort: the job may be starting or finishing.
            return lastFrames;
        }
        long frames = asLong(accumulators.get(DetectFrames.FRAMES_ACCUMULATOR))
                + asLong(accumulators.get(DetectFrames.REJECTS_ACCUMULATOR));
        if (frames == lastFrames || frames == 0) {
            return frames;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String total = expected < 0 ? "" : String.format(" / %d (%.0f%%)", expected, 100.0 * frames / Math.max(1, expected));
        report.printf("  frames %d%s  %.1f fps%n", frames, total, frames / seconds);
        return frames;
    }

    private static long asLong(Object value) {
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }

    /** What a finished run did. */
    public record Summary(
            long frames, long rejects, Map<String, Long> detectionsByLabel, double seconds, Path results, Path rejectsFile) {

        static Summary of(JobExecutionResult result, double seconds, Path results, Path rejectsFile) {
            Object labels = result.getAccumulatorResult(DetectFrames.LABELS_ACCUMULATOR);
            Map<String, Long> byLabel = new TreeMap<>();
            if (labels instanceof Map) {
                ((Map<?, ?>) labels).forEach((k, v) -> byLabel.put(String.valueOf(k), asLong(v)));
            }
            return new Summary(
                    asLong(result.getAccumulatorResult(DetectFrames.FRAMES_ACCUMULATOR)),
                    asLong(result.getAccumulatorResult(DetectFrames.REJECTS_ACCUMULATOR)),
                    byLabel, seconds, results, rejectsFile);
        }

        public long detections() {
            return detectionsByLabel.values().stream().mapToLong(Long::longValue).sum();
        }

        void print(PrintStream out) {
            out.printf("Done in %.1f s%n", seconds);
            out.printf("  frames: %d processed (%.1f fps overall), %d rejected%n", frames, frames / seconds, rejects);
            String labels = detectionsByLabel.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("  detections: %d%s%n", detections(), labels.isEmpty() ? "" : " (" + labels + ")");
            out.printf("  results: %s%n", results == null ? "standard output" : results);
            out.printf("  rejects: %s%s%n", rejectsFile, rejects == 0 ? "" : " — " + rejects + " frame(s), see reasons there");
            if (rejects > 0 && Files.exists(rejectsFile)) {
                firstReject(rejectsFile).ifPresent(line -> out.printf("  first reject: %s%n", line));
            }
        }

        private static java.util.Optional<String> firstReject(Path file) {
            try (var lines = Files.lines(file)) {
                return lines.findFirst();
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
