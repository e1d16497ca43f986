package dev.vigil.job;

import dev.vigil.job.config.ModelSection;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.testing.TestData;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotated video of {@code conf/street-analytics.yaml} across a task failure that Flink recovers
 * from by itself: checkpoints every second close segments, the job fails once mid-run after a checkpoint
 * that holds progress (while a closed segment waits for its commit, when it can catch one), restores from
 * its last checkpoint, and the joined {@code street.mp4} still has each input frame once, in order, with
 * no pending or in-progress file left behind.
 */
class AnnotatedVideoRestoreIT {

    private static final Path STREET = AnnotatedOutputIT.STREET;
    /** Frames of the first attempt after which the failure waits for the next completed checkpoint. */
    private static final int FAIL_AFTER_FRAMES = 300;
    private static final int WAIT_FOR_PENDING_FRAMES = 150;

    /** Static, since the detector hook runs inside the task. */
    private static volatile Path checkpointsOfRun;
    private static volatile Path partsOfRun;
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger FRAMES_BEFORE_FAILURE = new AtomicInteger();
    private static final AtomicInteger FRAMES_AFTER_RESTART = new AtomicInteger();
    /** The newest checkpoint when {@link #FAIL_AFTER_FRAMES} frames were detected ("none" if none yet). */
    private static final AtomicReference<String> CHECKPOINT_AT_THRESHOLD = new AtomicReference<>();
    /** The segment files of the camera when the failure was injected. */
    private static final AtomicReference<List<String>> PARTS_AT_FAILURE = new AtomicReference<>(List.of());

    /**
     * Fails the first attempt once a checkpoint completed after {@link #FAIL_AFTER_FRAMES} frames, so that
     * the restore starts mid-video with committed segments behind it and replayed frames ahead. It waits for
     * a moment when a closed segment is pending (its checkpoint not yet complete, or complete and not yet
     * committed), where a restore has the most to sort out; should none be seen within
     * {@link #WAIT_FOR_PENDING_FRAMES} frames, it fails without.
     */
    private static void failOnceAfterACheckpoint(int frames) {
        if (FAILED.get()) {
            FRAMES_AFTER_RESTART.addAndGet(frames);
            return;
        }
        int seen = FRAMES_BEFORE_FAILURE.addAndGet(frames);
        if (seen < FAIL_AFTER_FRAMES) {
            return;
        }
        String newest = CheckpointFiles.latest(checkpointsOfRun).map(Path::toString).orElse("none");
        CHECKPOINT_AT_THRESHOLD.compareAndSet(null, newest);
        if (newest.equals("none") || newest.equals(CHECKPOINT_AT_THRESHOLD.get())) {
            return;
        }
        List<String> parts = files(partsOfRun);
        boolean pending = parts.stream().anyMatch(name -> name.endsWith(".pending"));
        if ((pending || seen >= FAIL_AFTER_FRAMES + WAIT_FOR_PENDING_FRAMES) && FAILED.compareAndSet(false, true)) {
            PARTS_AT_FAILURE.set(parts);
            throw new HookedDetector.InjectedFailure("injected failure after a checkpoint, " + seen + " frames in");
        }
    }

    @TempDir
    Path dir;

    @Test
    void theJoinedVideoHasEveryFrameOnceAcrossAFailureAndRestore() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        Path videoDir = dir.resolve("video");
        checkpointsOfRun = checkpoints;
        partsOfRun = videoDir.resolve(".parts/street");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("input.paths", STREET.toString());
        settings.put("output.path", dir.resolve("detections.jsonl").toString());
        for (String output : List.of("rejects", "tracks", "events", "counts")) {
            settings.put("output." + output + "-path", dir.resolve(output + ".jsonl").toString());
        }
        settings.put("output.annotated-dir", videoDir.toString());
        settings.put("job.checkpoint-interval", "1s");
        settings.put("job.checkpoint-dir", checkpoints.toString());
        settings.put("job.restart-attempts", "1");
        settings.put("model.mirror", TestData.modelMirror().toString());
        VigilConfig config = VigilConfig.load(Path.of("conf/street-analytics.yaml"), settings);

        VigilJob job = VigilJob.fromConfig(config, "street-analytics.yaml");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        job.configure(env);
        // The job's own 10 s between restarts would only make the test slower.
        Configuration quickRestart = new Configuration();
        quickRestart.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        env.configure(quickRestart);
        ModelSettings model = ModelSection.settings(config, new ArrayList<>());
        job.pipeline(DetectorProvider.of("fails-once-after-a-checkpoint",
                        device -> new HookedDetector(Detectors.open(model), AnnotatedVideoRestoreIT::failOnceAfterACheckpoint)))
                .addTo(env);

        env.execute("annotated-video-restore");

        int inputFrames = Integer.parseInt(AnnotatedOutputIT.ffprobe(STREET, "stream=nb_read_frames"));
        assertThat(FAILED).as("the injected failure happened").isTrue();
        System.out.printf("failed after %d frames; segments then: %s; frames detected after the restore: %d%n",
                FRAMES_BEFORE_FAILURE.get(), PARTS_AT_FAILURE.get(), FRAMES_AFTER_RESTART.get());
        assertThat(PARTS_AT_FAILURE.get()).as("segments committed before the failure")
                .anyMatch(name -> name.endsWith(".mp4") && !name.startsWith("."));
        assertThat(FRAMES_AFTER_RESTART.get()).as("the restore resumed from a checkpoint, not from the start")
                .isLessThan(inputFrames);

        Path video = videoDir.resolve("street.mp4");
        assertThat(AnnotatedOutputIT.ffprobe(video, "stream=nb_read_frames")).isEqualTo(String.valueOf(inputFrames));
        assertThat(files(videoDir)).as("segments joined, no pending or in-progress file left")
                .containsExactly("street.mp4");
        // Frame i of the video is frame i of the input: a frame repeated or lost at the restore would shift
        // every later frame against the input, and the motion between frames shows the shift.
        List<float[]> annotated = grey(video);
        List<float[]> input = grey(STREET);
        assertThat(annotated.size()).isEqualTo(input.size());
        for (int start = 1; start < input.size(); start += WINDOW) {
            int end = Math.min(input.size(), start + WINDOW);
            assertThat(bestShift(annotated, input, start, end)).as("shift of frames %d to %d against the input", start, end - 1)
                    .isZero();
        }
    }

    /** Frames compared at a time: two seconds of video, enough traffic for a shift to show. */
    private static final int WINDOW = 48;
    private static final int MAX_SHIFT = 3;
    /** Below the header, which the input does not have; pictures scaled down to {@link #WIDTH}x{@link #HEIGHT}. */
    private static final int TOP = 48;
    private static final int WIDTH = 160;
    private static final int HEIGHT = 76;

    /**
     * The shift in {@code -MAX_SHIFT..MAX_SHIFT} under which the changes from each frame to the next in
     * {@code start..end-1} correlate best with the input's. (Comparing the pictures themselves does not tell:
     * the street is mostly still, so encoding loss and drawings outweigh a frame's difference to its neighbour.)
     */
    private static int bestShift(List<float[]> annotated, List<float[]> input, int start, int end) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int shift = -MAX_SHIFT; shift <= MAX_SHIFT; shift++) {
            double score = 0;
            for (int i = start; i < end; i++) {
                int j = i + shift;
                if (j >= 1 && j < input.size()) {
                    score += correlation(change(annotated, i), change(input, j));
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = shift;
            }
        }
        return best;
    }

    /** Frame {@code i} less frame {@code i - 1}. */
    private static float[] change(List<float[]> frames, int i) {
        float[] a = frames.get(i);
        float[] b = frames.get(i - 1);
        float[] d = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    private static double correlation(float[] x, float[] y) {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < x.length; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= x.length;
        my /= y.length;
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int k = 0; k < x.length; k++) {
            double a = x[k] - mx;
            double b = y[k] - my;
            xy += a * b;
            xx += a * a;
            yy += b * b;
        }
        return xy / Math.sqrt(xx * yy + 1e-9);
    }

    /** Every decoded frame of a video below {@link #TOP}, scaled down, as grey levels. */
    private static List<float[]> grey(Path video) throws IOException, InterruptedException {
        // Passthrough: each decoded frame once (the input's timestamps are not regular).
        Process p = new ProcessBuilder("ffmpeg", "-v", "fatal", "-i", video.toString(), "-fps_mode", "passthrough",
                "-vf", "crop=iw:ih-" + TOP + ":0:" + TOP + ",scale=" + WIDTH + ":" + HEIGHT + ",format=gray",
                "-f", "rawvideo", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] all = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("ffmpeg decoding %s", video).isZero();
        int size = WIDTH * HEIGHT;
        assertThat(all.length % size).isZero();
        List<float[]> frames = new ArrayList<>();
        for (int at = 0; at < all.length; at += size) {
            float[] frame = new float[size];
            for (int k = 0; k < size; k++) {
                frame[k] = all[at + k] & 0xff;
            }
            frames.add(frame);
        }
        return frames;
    }

    /** The regular files under {@code folder}, relative to it, sorted; none if it is not there. */
    private static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(cannot list " + folder + ": " + e + ")");
        }
    }
}
