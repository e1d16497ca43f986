package dev.vigil.job.cli;

import dev.vigil.job.config.ConfigException;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside Flink (a client, a JobManager) a command never exits the JVM: what goes wrong is thrown, whole,
 * for Flink to hand to the submitter. (That the JobManager survives is shown on a real cluster.)
 */
class RunInFlinkTest {

    @Test
    void aConfigProblemIsThrownWithItsKey() {
        assertThatThrownBy(() -> VigilCli.runInFlink("run", "--config-yaml", "job: {parallelism: 0}\nmodel: {nam: x}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--config-yaml: 2 problems")
                .hasMessageContaining("model.nam: unknown key (did you mean model.name?)")
                .hasMessageContaining("job.parallelism: ");
    }

    @Test
    void aMissingConfigFileIsThrown() {
        assertThatThrownBy(() -> VigilCli.runInFlink("run", "-c", "no/such/config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no/such/config.yaml")
                .hasMessageContaining("config file not found");
    }

    @Test
    void aBadCommandLineIsThrown() {
        assertThatThrownBy(() -> VigilCli.runInFlink("run", "--no-such-option"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--no-such-option");
    }
}
