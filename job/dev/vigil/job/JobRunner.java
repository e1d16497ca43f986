package dev.vigil.job;

import dev.vigil.operators.detect.TallyDetections;
import dev.vigil.operators.detect.ScreenFrames;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
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

    /**
     * Submits {@code job} and returns at once with its id, for a submission that does not wait for the
     * job's end (see {@link Deployment#waitsForResult}): a Web UI or REST submission, application mode,
     * {@code flink run -d}.
     */
    public JobID submit(VigilJob job, StreamExecutionEnvironment env) throws Exception {
        prepare(job, env);
        JobID id = env.executeAsync(job.name()).getJobID();
        report.printf("  submitted as job %s%n", id);
        return id;
    }

    /** Runs {@code job} to the end and returns its summary. */
    public Summary run(VigilJob job, StreamExecutionEnvironment env) throws Exception {
        URI checkpoints = prepare(job, env);
        long expected = job.expectedFrames();
        long start = System.nanoTime();
        JobClient client = env.executeAsync(job.name());
        // Local checkpoints are tidied up here; a remote file system keeps them as Flink leaves them.
        Path jobCheckpoints = checkpoints != null && "file".equals(checkpoints.getScheme())
                ? Path.of(checkpoints).resolve(client.getJobID().toString()) : null;
        CompletableFuture<JobExecutionResult> done = client.getJobExecutionResult();
        long lastFrames = -1;
        while (true) {
            try {
                done.get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                lastFrames = printProgress(client, expected, start, lastFrames);
            } catch (ExecutionException e) {
                if (jobCheckpoints != null && job.keepsCheckpoints()) {
                    printLastCheckpoint(jobCheckpoints);
                }
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Summary summary = Summary.of(done.get(), seconds, job.resultsFile(), job.rejectsFile(),
                CheckpointLog.of(client.getJobID()));
        if (job.tracksFile() != null) {
            report.printf("  tracks: %s%n", job.tracksFile());
        }
        if (job.eventsFile() != null) {
            report.printf("  events: %s%n  counts: %s%n", job.eventsFile(), job.countsFile());
        }
        summary.print(report);
        if (jobCheckpoints != null) {
            if (job.keepsCheckpoints()) {
                printLastCheckpoint(jobCheckpoints);
            } else {
                CheckpointFiles.delete(jobCheckpoints);
            }
        }
        return summary;
    }

    /** Sets {@code job} up in {@code env} and says what it is; returns where its checkpoints go, if Vigil decides. */
    private URI prepare(VigilJob job, StreamExecutionEnvironment env) {
        job.configure(env);
        job.pipeline().addTo(env);
        if (Deployment.of(env) == Deployment.EMBEDDED) {
            CheckpointLog.listen();
        }
        URI checkpoints = job.checkpointStorage(env);
        long expected = job.expectedFrames();
        report.printf("Vigil: %s%n  model: %s%n  frames to process: %s%n", job.name(), job.modelDescription(),
                expected < 0 ? "unbounded (runs until stopped)" : Long.toString(expected));
        job.warnings().forEach(warning -> report.printf("  warning: %s%n", warning));
        if (checkpoints != null) {
            report.printf("  checkpoints: %s%n", checkpoints);
        } else if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            report.printf("  checkpoints: off (exactly-once outputs commit only when the input ends)%n");
        }
        return checkpoints;
    }

    private void printLastCheckpoint(Path jobCheckpoints) {
        CheckpointFiles.latest(jobCheckpoints).ifPresentOrElse(
                last -> report.printf("  last checkpoint: %s (resume with: run --from-checkpoint %s)%n", last, last),
                () -> report.printf("  no checkpoint was completed in %s%n", jobCheckpoints));
    }

    private long printProgress(JobClient client, long expected, long startNanos, long lastFrames) {
        Map<String, Object> accumulators;
        try {
            accumulators = client.getAccumulators().get(PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Progress is best effort: the job may be starting or finishing.
            return lastFrames;
        }
        // Frames that reached the detector, a batch or so ahead of their results.
        long frames = asLong(accumulators.get(ScreenFrames.FRAMES_IN_ACCUMULATOR));
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
            long frames, long skipped, long rejects, Map<String, Long> detectionsByLabel, long slicedFrames, long tiles,
            double seconds, Path results, Path rejectsFile, Map<String, Long> rejectsByStage,
            CheckpointLog.Stats checkpoints) {

        static Summary of(JobExecutionResult result, double seconds, Path results, Path rejectsFile,
                CheckpointLog.Stats checkpoints) {
            Map<String, Long> byLabel = counts(result.getAccumulatorResult(TallyDetections.LABELS_ACCUMULATOR));
            long framesIn = asLong(result.getAccumulatorResult(ScreenFrames.FRAMES_IN_ACCUMULATOR));
            long detected = asLong(result.getAccumulatorResult(TallyDetections.FRAMES_ACCUMULATOR));
            long rejected = asLong(result.getAccumulatorResult(ScreenFrames.REJECTS_ACCUMULATOR));
            // Skipped frames leave no result behind: they are what reached the detector and came out neither way.
            // Accumulators count the last attempt only, and after a restore the frames that were in flight in the
            // detection stage come out without having passed the screen in that attempt: the difference can then
            // fall below the frames really skipped, even below zero, so it is never shown negative.
            return new Summary(detected, Math.max(0, framesIn - detected - rejected), rejected, byLabel,
                    asLong(result.getAccumulatorResult(TallyDetections.SLICED_FRAMES_ACCUMULATOR)),
                    asLong(result.getAccumulatorResult(TallyDetections.TILES_ACCUMULATOR)), seconds, results, rejectsFile,
                    counts(result.getAccumulatorResult(RejectTally.BY_STAGE_ACCUMULATOR)), checkpoints);
        }

        private static Map<String, Long> counts(Object accumulated) {
            Map<String, Long> counts = new TreeMap<>();
            if (accumulated instanceof Map) {
                ((Map<?, ?>) accumulated).forEach((k, v) -> counts.put(String.valueOf(k), asLong(v)));
            }
            return counts;
        }

        /** Rejects of every stage: frames turned away, and results too late for tracking or their count window. */
        public long allRejects() {
            return rejectsByStage.values().stream().mapToLong(Long::longValue).sum();
        }

        public long detections() {
            return detectionsByLabel.values().stream().mapToLong(Long::longValue).sum();
        }

        void print(PrintStream out) {
            out.printf("Done in %.1f s%n", seconds);
            out.printf("  frames: %d processed (%.1f fps overall), %d rejected%s%n", frames, frames / seconds, rejects,
                    skipped == 0 ? "" : ", " + skipped + " skipped to keep up (latest-frame policy)");
            String labels = detectionsByLabel.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("  detections: %d%s%n", detections(), labels.isEmpty() ? "" : " (" + labels + ")");
            if (slicedFrames > 0) {
                out.printf("  sliced: %d frames into %d tiles (detect.slicing)%n", slicedFrames, tiles);
            }
            out.printf("  results: %s%n", results == null ? "standard output" : results);
            long all = allRejects();
            String stages = rejectsByStage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("  rejects: %s%s%n", rejectsFile, all == 0 ? ""
                    : " — " + all + (all == 1 ? " record" : " records") + " (" + stages + "), see reasons there");
            if (all > 0 && Files.exists(rejectsFile)) {
                firstReject(rejectsFile).ifPresent(line -> out.printf("  first reject: %s%n", line));
            }
            if (checkpoints.completed() > 0) {
                out.printf("  checkpoints: %d completed, largest %.2f MB, slowest %d ms%n", checkpoints.completed(),
                        checkpoints.largestBytes() / 1e6, checkpoints.slowestMillis());
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
