package dev.vigil.job;

import dev.vigil.job.kafka.KafkaOutputs;
import dev.vigil.job.cli.VigilCli;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.testing.Await;
import dev.vigil.testing.RestartingEnvironment;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.KafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once from the frame topic to the detections topic across failures, checked by a
 * {@code read_committed} consumer: after a task failure and restore from the last checkpoint, and
 * after the broker is killed and restarted mid-run, the detections topic holds every frame's
 * (camera, sequence) exactly once: no duplicates from the replayed part, no gaps.
 *
 * <p>The broker is killed rather than shut down: a clean shutdown that lands while a transaction is
 * being committed has been seen to leave that transaction's records without their commit marker on
 * this single-node broker, which holds back {@code read_committed} consumers; the failure message
 * lists the transactions the broker still holds open.
 */
class KafkaExactlyOnceIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Frames detected so far by all detector handles of the running test; reset per test. */
    private static final AtomicInteger FRAMES_DETECTED = new AtomicInteger();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    /** When positive, the detector fails once on reaching this many frames. */
    private static volatile int failAfterFrames;
    /** Extra time per frame, to keep the job running while the test acts on the broker. */
    private static volatile long slowdownMillis;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(Path.of("target", "services", "kafka-exactly-once-it").toAbsolutePath());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Counts frames, failing once or running slowly as the test asks. */
    private static void script(int frames) {
        int seen = FRAMES_DETECTED.addAndGet(frames);
        if (failAfterFrames > 0 && seen > failAfterFrames && FAILED.compareAndSet(false, true)) {
            throw new HookedDetector.InjectedFailure("injected failure after " + failAfterFrames + " frames");
        }
        if (slowdownMillis > 0) {
            try {
                Thread.sleep(slowdownMillis * frames);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Resets the detector script for a test. */
    private static void scriptDetector(int failAfter, long slowdown) {
        FRAMES_DETECTED.set(0);
        FAILED.set(false);
        failAfterFrames = failAfter;
        slowdownMillis = slowdown;
    }

    @Test
    void aTaskFailureAndRestoreWriteEveryFrameOnce() throws Exception {
        int frames = 90;
        scriptDetector(45, 0);
        StreamExecutionEnvironment env = RestartingEnvironment.create(3, 500);
        pipeline("failure", frames).addTo(env);
        env.execute("kafka-exactly-once-failure");

        assertThat(FAILED).as("the injected failure happened").isTrue();
        assertThat(FRAMES_DETECTED.get()).as("frames were replayed after the failure").isGreaterThan(frames);
        assertEveryFrameOnce("failure-detections", frames);
    }

    @Test
    void theBrokerStoppedAndRestartedMidRunLosesAndDuplicatesNothing() throws Exception {
        int frames = 120;
        scriptDetector(0, 60);
        StreamExecutionEnvironment env = RestartingEnvironment.create(20, 500);
        pipeline("restart", frames).addTo(env);
        JobClient job = env.executeAsync("kafka-exactly-once-broker-restart");

        awaitFramesDetected(30);
        broker.kill();
        int detectedWhenStopped = FRAMES_DETECTED.get();
        // Keep the broker down for a while: the job must hold its output meanwhile, and resume after.
        Thread.sleep(5_000);
        broker.restart();
        System.out.printf("broker restarted; frames detected when stopped: %d, now: %d%n", detectedWhenStopped,
                FRAMES_DETECTED.get());
        job.getJobExecutionResult().get(5, TimeUnit.MINUTES);

        assertThat(detectedWhenStopped).as("the broker went down before the job ended").isLessThan(frames);
        assertEveryFrameOnce("restart-detections", frames);
    }

    /** Publishes {@code frames} frames of the street video and builds the job reading them, from a config. */
    private static VigilPipeline pipeline(String name, int frames) {
        broker.createTopics(1, name + "-frames", name + "-frames-dead-letters", name + "-detections");
        Path video = TestData.data("video/vehicle-counting-street/input_video.mp4");
        assertThat(VigilCli.execute("publish", "-i", video.toString(), "-b", broker.bootstrapServers(), "-t",
                name + "-frames", "-c", "street", "-n", Integer.toString(frames), "-q", "70")).isZero();
        VigilConfig config = VigilConfig.parse(name + ".yaml", String.join("\n",
                "job: {name: kafka-eo-" + name + ", checkpoint-interval: 500ms}",
                "input: {type: kafka}",
                "kafka:",
                "  bootstrap-servers: " + broker.bootstrapServers(),
                "  frames-topic: " + name + "-frames",
                "  group-id: " + name,
                "  stop-at-end: true",
                "  detections-topic: " + name + "-detections",
                ""), Map.of());
        List<String> problems = new ArrayList<>();
        KafkaFrameInput input = KafkaFrameInput.fromConfig(config, problems);
        KafkaOutputs outputs = KafkaOutputs.fromConfig(config, problems);
        assertThat(problems).isEmpty();
        ModelSettings model = ModelSettings.named("nanodet-plus-m-320").withMirrorDir(TestData.modelMirror());
        VigilPipeline pipeline = new VigilPipeline(input,
                DetectorProvider.of("scripted", device -> new HookedDetector(Detectors.open(model), KafkaExactlyOnceIT::script)),
                DetectionSettings.defaults());
        outputs.attachTo(pipeline);
        return pipeline;
    }

    private static void awaitFramesDetected(int count) {
        Await.until(count + " frames detected", Duration.ofMinutes(3), Duration.ofMillis(50),
                () -> FRAMES_DETECTED.get() >= count, () -> "detected so far: " + FRAMES_DETECTED.get());
    }

    private static void assertEveryFrameOnce(String topic, int frames) throws Exception {
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : broker.readCommitted(topic)) {
            JsonNode detection = JSON.readTree(record.value());
            assertThat(detection.get("camera_id").asText()).isEqualTo("street");
            sequences.add(detection.get("sequence").asLong());
        }
        // One camera, one partition: the committed records are in frame order, each frame once.
        assertThat(sequences).as("committed records; transactions still open: %s", broker.openTransactions())
                .isEqualTo(LongStream.range(0, frames).boxed().collect(Collectors.toList()));
    }
}
