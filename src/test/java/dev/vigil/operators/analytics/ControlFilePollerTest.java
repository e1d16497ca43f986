package dev.vigil.operators.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ControlFilePollerTest {

    @Test
    void sendsTheContentWhenItChangesOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analytics.yaml");
        ControlFilePoller poller = new ControlFilePoller(file);
        assertThat(poller.poll()).as("missing file").isEmpty();

        Files.writeString(file, "cameras: {}\n");
        assertThat(poller.poll()).hasValueSatisfying(u -> {
            assertThat(u.source()).isEqualTo(file.toString());
            assertThat(u.text()).isEqualTo("cameras: {}\n");
        });
        assertThat(poller.poll()).isEmpty();
        Files.writeString(file, "cameras: {}\n");
        assertThat(poller.poll()).as("same content saved again").isEmpty();

        Files.writeString(file, "cameras: {gate: {}}\n");
        assertThat(poller.poll()).map(AnalyticsConfigUpdate::text).hasValue("cameras: {gate: {}}\n");
    }
}
