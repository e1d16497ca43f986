package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.job.config.ModelSection;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.HdVideos;
import dev.vigil.testing.TestData;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 1080p job that crashes after a checkpoint taken mid-run, with its frames in flight stored as JPEGs,
 * is resumed by the user with {@code run --from-checkpoint}: the results file then holds every frame
 * exactly once, and the resumed run processed only what the checkpoint had not.
 */
class CheckpointResumeIT {

    private static final int FRAMES = 240;
    private static final Pattern PROCESSED = Pattern.compile("frames: (\\d+) processed");

    /** Where the crashing run checkpoints; static, since the detector hook runs inside the task. */
    private static volatile Path checkpointsOfCrashingRun;
    private static final AtomicBoolean CRASHED = new AtomicBoolean();
    private static final AtomicInteger FRAMES_BEFORE_CRASH = new AtomicInteger();
    /** The newest checkpoint when 40 frames were detected ("none" if there was none yet). */
    private static final AtomicReference<String> CHECKPOINT_AT_40_FRAMES = new AtomicReference<>();

    /**
     * Crashes the job once a checkpoint completed after 40 frames were detected, so that the checkpoint
     * holds progress (one taken while the model was still loading would hold none).
     */
    private static void crashAfterACheckpoint(int frames) {
        if (CRASHED.get()) {
            return;
        }
        int seen = FRAMES_BEFORE_CRASH.addAndGet(frames);
        if (seen < 40) {
            return;
        }
        String newest = CheckpointFiles.latest(checkpointsOfCrashingRun).map(Path::toString).orElse("none");
        CHECKPOINT_AT_40_FRAMES.compareAndSet(null, newest);
        if (!newest.equals("none") && !newest.equals(CHECKPOINT_AT_40_FRAMES.get())) {
            CRASHED.set(true);
            throw new HookedDetector.InjectedFailure("injected crash after a checkpoint, " + seen + " frames in");
        }
    }

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aCrashedRunResumesFromItsLastCheckpointWithoutLossOrDuplicates() throws Exception {
        Path video = HdVideos.street1080p(FRAMES);
        Path checkpoints = dir.resolve("checkpoints");
        checkpointsOfCrashingRun = checkpoints;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("input.paths", video.toString());
        settings.put("input.camera-ids", "street");
        settings.put("output.path", dir.resolve("detections.jsonl").toString());
        settings.put("output.rejects-path", dir.resolve("rejects.jsonl").toString());
        settings.put("output.tracks-path", dir.resolve("tracks.jsonl").toString());
        settings.put("job.checkpoint-interval", "1s");
        settings.put("job.checkpoint-dir", checkpoints.toString());
        settings.put("job.keep-checkpoints", "true");
        settings.put("job.restart-attempts", "0");
        settings.put("model.mirror", TestData.modelMirror().toString());

        VigilJob crashing = VigilJob.fromConfig(VigilConfig.load(Path.of("conf/demo.yaml"), settings), "demo.yaml");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        crashing.configure(env);
        ModelSettings model = ModelSection.settings(VigilConfig.load(Path.of("conf/demo.yaml"), settings), new java.util.ArrayList<>());
        crashing.pipeline(DetectorProvider.of("crashes-after-a-checkpoint",
                        device -> new HookedDetector(Detectors.open(model), CheckpointResumeIT::crashAfterACheckpoint)))
                .addTo(env);
        assertThatThrownBy(() -> env.execute("crashing")).hasStackTraceContaining("injected crash");
        assertThat(CheckpointFiles.latest(checkpoints)).as("the crashed run's last checkpoint is kept").isPresent();
        long writtenBeforeCrash = Files.readAllLines(dir.resolve("detections.jsonl")).size();

        List<String> args = new ArrayList<>(List.of("run", "--config", "conf/demo.yaml", "--from-checkpoint",
                checkpoints.toString()));
        settings.put("job.keep-checkpoints", "false");
        settings.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        int exit = VigilCli.execute(args.toArray(new String[0]));

        assertThat(exit).as(console.stderr()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<Long> sequences = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("detections.jsonl"))) {
            sequences.add(mapper.readTree(line).get("sequence").asLong());
        }
        assertThat(sequences).as("every frame once, in order (%d lines before the crash)", writtenBeforeCrash)
                .isEqualTo(LongStream.range(0, FRAMES).boxed().collect(Collectors.toList()));
        Matcher processed = PROCESSED.matcher(console.stdout());
        assertThat(processed.find()).as(console.stdout()).isTrue();
        assertThat(Long.parseLong(processed.group(1))).as("frames the resumed run processed")
                .isPositive()
                .isLessThan(FRAMES);
    }
}
