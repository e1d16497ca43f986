package dev.vigil.job;

import dev.vigil.testing.JarRun;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job that fails, run as a user runs it (the built jar on its embedded mini-cluster): the console says
 * in one line what went wrong, the deepest cause rather than Flink's wrappers, and where the full log is;
 * the stack trace is in that log, not on the console.
 */
class JobFailureReportIT {

    @TempDir
    Path dir;

    @Test
    void aFailedJobNamesItsRootCauseInOneLineAndPointsToTheLog() throws Exception {
        Path config = Path.of("conf", "demo.yaml").toAbsolutePath();
        JarRun run = JarRun.of(dir, Duration.ofMinutes(3),
                "run", "-c", config.toString(),
                "-o", dir.resolve("out/detections.jsonl").toString(),
                "--set", "output.rejects-path=" + dir.resolve("out/rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("out/tracks.jsonl"),
                "--set", "input.paths=" + TestData.data("video/vehicle-counting-street/input_video.mp4"),
                "--set", "model.mirror=" + TestData.modelMirror(),
                // No detection can finish within a millisecond: the job fails on its first frame.
                "--set", "detect.timeout=1ms",
                "--set", "job.restart-attempts=0");

        String stderr = run.stderr();
        assertThat(run.exitCode()).as(stderr).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(stderr).contains("The job failed: java.util.concurrent.TimeoutException: frame 0 of camera 'street' "
                + "was not detected within the detection timeout");
        assertThat(stderr).as("Flink's wrappers stay off the line")
                .doesNotContain("JobExecutionException")
                .doesNotContain("NoRestartBackoffTimeStrategy");
        assertThat(stderr).as("no stack trace on the console").doesNotContain("\tat ").doesNotContain("Caused by");
        Path log = dir.resolve("out/vigil.log").toAbsolutePath();
        assertThat(stderr).contains("full log: " + log);
        assertThat(Files.readString(log))
                .contains("The job failed")
                .contains("TimeoutException")
                .contains("\tat ");
    }
}
