package dev.vigil.job;

import dev.vigil.testing.Await;
import dev.vigil.testing.JarRun;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.KafkaBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Kafka broker lost while the job runs is not silence: the console says which address cannot be
 * reached, now and then rather than every second.
 */
class LostBrokerIT {

    @TempDir
    Path dir;

    @Test
    void aBrokerLostMidRunIsAWarningNamingItsAddress() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopics(1, "lost-detections");
            Path out = Files.createDirectories(dir.resolve("out"));
            try (JarRun.Running job = JarRun.start(out, "run", "-c", Path.of("conf", "demo.yaml").toAbsolutePath()
                            .toString(),
                    "-o", out.resolve("detections.jsonl").toString(),
                    "--set", "output.rejects-path=" + out.resolve("rejects.jsonl"),
                    "--set", "output.tracks-path=" + out.resolve("tracks.jsonl"),
                    "--set", "input.paths=" + TestData.data("video/vehicle-counting-street/input_video.mp4")
                            .toAbsolutePath(),
                    "--set", "model.mirror=" + TestData.modelMirror().toAbsolutePath(),
                    "--set", "input.realtime=true",
                    "--set", "kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--set", "kafka.detections-topic=lost-detections",
                    "--set", "kafka.delivery-guarantee=at-least-once")) {
                // Results reach the topic: the job runs and the broker is in use.
                Await.until("results in the topic", Duration.ofMinutes(2), Duration.ofMillis(500),
                        () -> !broker.readCommitted("lost-detections").isEmpty());
                broker.kill();
                long killed = System.nanoTime();
                Await.until("a console warning naming the broker", Duration.ofSeconds(60), Duration.ofMillis(200),
                        () -> job.stderr().contains(broker.bootstrapServers()));
                System.out.printf("lost broker: console warning %d ms after the kill%n",
                        (System.nanoTime() - killed) / 1_000_000);
                Thread.sleep(12_000);
                String stderr = job.stderr();
                long warnings = stderr.lines().filter(line -> line.contains(broker.bootstrapServers())).count();
                assertThat(stderr).contains("NetworkClient").contains("could not be established");
                assertThat(warnings).as("rate-limited on the console:%n%s", stderr).isBetween(1L, 4L);
                assertThat(stderr).doesNotContain("\tat ");
            }
        }
    }
}
