package dev.vigil.job.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a submitter is shown of Flink's error texts. */
class FlinkRestExceptionTest {

    /** The shape of Flink 1.20's answer to a jar run whose main method threw (trimmed). */
    private static final List<String> MAIN_FAILED = List.of(
            "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.\n"
                    + "\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:114)\n",
            "[Internal server error.",
            "<Exception on server side:\n"
                    + "org.apache.flink.client.program.ProgramInvocationException: The main method caused an error: "
                    + "--config-yaml: 2 problems\n"
                    + "  - input.paths[0]: 'data/x.mp4' is a relative path\n"
                    + "  - model.nam: unknown key\n"
                    + "\tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:373)\n"
                    + "Caused by: dev.vigil.job.config.ConfigException: ...\n"
                    + "\nEnd of exception on server side>]");

    @Test
    void aFailedMainIsShownByItsOwnMessage() {
        FlinkRestException e = new FlinkRestException("run the job", 500, MAIN_FAILED);
        assertThat(e.getMessage()).isEqualTo("Flink refused to run the job: --config-yaml: 2 problems\n"
                + "  - input.paths[0]: 'data/x.mp4' is a relative path\n"
                + "  - model.nam: unknown key");
        assertThat(e.errors()).isEqualTo(MAIN_FAILED);
        assertThat(e.status()).isEqualTo(500);
    }

    @Test
    void otherErrorsAreShownByTheirFirstLines() {
        FlinkRestException e = new FlinkRestException("run the job", 404, List.of("Jar file /x/y.jar does not exist\n"
                + "\tat somewhere"));
        assertThat(e.getMessage()).isEqualTo("Flink refused to run the job: Jar file /x/y.jar does not exist");
        assertThat(new FlinkRestException("cancel job 1", 502, List.of()).getMessage())
                .isEqualTo("Flink refused to cancel job 1: HTTP 502");
    }
}
