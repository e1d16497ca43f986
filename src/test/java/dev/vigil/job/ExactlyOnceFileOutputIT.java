package dev.vigil.job;

import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.sinks.FrameDetectionsJson;
import dev.vigil.sinks.JsonLinesSink;
import dev.vigil.sinks.RejectJson;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.RestartingEnvironment;
import dev.vigil.testing.TestData;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that fails half-way and restarts from its last checkpoint writes every frame's line to
 * the results file exactly once: the source resumes after the checkpoint and the file is cut back
 * to its checkpointed length, so lines written between the checkpoint and the failure are not
 * duplicated.
 */
class ExactlyOnceFileOutputIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    /** Frames of the first attempt before it fails (one model call per frame). */
    private static final int FAIL_AFTER_FRAMES = 150;
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger FRAMES_AFTER_RESTART = new AtomicInteger();
    /** Frames seen by every handle of the first attempt together (the batcher has a handle per slot). */
    private static final AtomicInteger FRAMES_BEFORE_FAILURE = new AtomicInteger();

    /** Fails the first attempt once it has seen {@link #FAIL_AFTER_FRAMES} frames. */
    private static void failOnce(int frames) {
        if (FAILED.get()) {
            FRAMES_AFTER_RESTART.addAndGet(frames);
        } else if (FRAMES_BEFORE_FAILURE.addAndGet(frames) > FAIL_AFTER_FRAMES) {
            FAILED.set(true);
            throw new HookedDetector.InjectedFailure("injected failure after " + FAIL_AFTER_FRAMES + " frames");
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyFrameIsWrittenOnceAcrossAFailureAndRestore() throws Exception {
        StreamExecutionEnvironment env = RestartingEnvironment.create(2, 200);

        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestData.data("video/vehicle-counting-street/input_video.mp4"), "street")
                .frameStride(3)
                .build();
        Path results = dir.resolve("detections.jsonl");
        ModelSettings model = ModelSettings.named("nanodet-plus-m-320").withMirrorDir(TestData.modelMirror());
        new VigilPipeline(
                        source,
                        DetectorProvider.of("fails-once", device -> new HookedDetector(Detectors.open(model), ExactlyOnceFileOutputIT::failOnce)),
                        DetectionSettings.defaults(),
                        JsonLinesSink.toFile(results, new FrameDetectionsJson()),
                        JsonLinesSink.toFile(dir.resolve("rejects.jsonl"), new RejectJson()))
                .addTo(env);

        env.execute("exactly-once-file-output");

        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(FRAMES_AFTER_RESTART.get())
                .as("the restart resumed from a checkpoint, not from the start")
                .isLessThan(302)
                .isGreaterThanOrEqualTo(302 - FAIL_AFTER_FRAMES);
        ObjectMapper mapper = new ObjectMapper();
        List<Long> sequences = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            sequences.add(mapper.readTree(line).get("sequence").asLong());
        }
        assertThat(sequences).isEqualTo(
                LongStream.range(0, 302).map(i -> i * 3).boxed().collect(Collectors.toList()));
        assertThat(Files.readAllLines(dir.resolve("rejects.jsonl"))).isEmpty();
    }
}
