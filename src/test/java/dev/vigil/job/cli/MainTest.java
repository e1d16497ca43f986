package dev.vigil.job.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded run's JVM gets the same module openings as the tests: the one list in the pom. */
class MainTest {

    @Test
    void theEmbeddedJvmOpensWhatTheBuildLists() throws Exception {
        assertThat(Main.jvmOpens())
                .contains("--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .allSatisfy(option -> assertThat(option).startsWith("--add-opens="));
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("this test JVM was started with the same list")
                .containsAll(Main.jvmOpens());
    }
}
