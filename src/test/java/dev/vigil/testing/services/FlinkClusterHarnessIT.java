package dev.vigil.testing.services;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone cluster the failover tests run jobs on is a real one: its TaskManagers register with their
 * slots, a TaskManager killed with SIGKILL drops out within seconds, and a replacement takes its place.
 */
class FlinkClusterHarnessIT {

    @Test
    void killedTaskManagerIsNoticedAndReplaced() {
        long start = System.nanoTime();
        try (FlinkCluster cluster = FlinkCluster.startSession(
                Path.of("target", "services", "flink-cluster-harness-it").toAbsolutePath(), 2, 2, Map.of())) {
            System.out.printf("session cluster with 2 TaskManagers registered after %d ms%n", millisSince(start));
            assertThat(cluster.overview().get("taskmanagers").asInt()).isEqualTo(2);
            assertThat(cluster.overview().get("slots-total").asInt()).isEqualTo(4);

            long kill = System.nanoTime();
            cluster.killTaskManager(0);
            cluster.awaitTaskManagers(1, Duration.ofSeconds(30));
            System.out.printf("killed TaskManager noticed after %d ms%n", millisSince(kill));
            assertThat(cluster.overview().get("slots-total").asInt()).isEqualTo(2);

            long replace = System.nanoTime();
            assertThat(cluster.startTaskManager()).isEqualTo(2);
            cluster.awaitTaskManagers(2, Duration.ofMinutes(1));
            System.out.printf("replacement TaskManager registered after %d ms%n", millisSince(replace));
            assertThat(cluster.overview().get("slots-total").asInt()).isEqualTo(4);
            assertThat(cluster.jobManagerAlive()).isTrue();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
