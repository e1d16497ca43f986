package dev.vigil.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run of the built jar as a user starts it ({@code java -jar target/vigil.jar ...}, the embedded
 * mini-cluster with its own logging setup), in a working directory of its own: what only the real process
 * shows, such as what reaches the console and what goes to the log file.
 *
 * @param took from start to exit
 */
public record JarRun(int exitCode, String stdout, String stderr, Duration took) {

    /** Runs the jar with {@code args} in {@code workDir}, failing the test if it is still running after {@code limit}. */
    public static JarRun of(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        try (Running running = start(workDir, args)) {
            return running.awaitExit(limit);
        }
    }

    /** Starts the jar with {@code args} in {@code workDir}, for a test that acts while it runs. */
    public static Running start(Path workDir, String... args) throws IOException {
        Path jar = Path.of("target", "vigil.jar").toAbsolutePath();
        assertThat(jar).as("the build packages the jar before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path stdout = workDir.resolve("stdout.txt");
        Path stderr = workDir.resolve("stderr.txt");
        ProcessBuilder launch = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        launch.environment().put("OPT_OUT_TRACKING", "true");
        return new Running(launch.start(), stdout, stderr, System.nanoTime());
    }

    /** A run of the jar in progress; closing it kills it (and the JVM it starts) if it is still running. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Path stdout;
        private final Path stderr;
        private final long startNanos;

        private Running(Process process, Path stdout, Path stderr, long startNanos) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
            this.startNanos = startNanos;
        }

        /** What it has printed on standard error so far. */
        public String stderr() throws IOException {
            return Files.readString(stderr);
        }

        /** Waits for it to exit, failing the test if it is still running after {@code limit}. */
        public JarRun awaitExit(Duration limit) throws IOException, InterruptedException {
            boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            if (!exited) {
                close();
            }
            JarRun run = new JarRun(exited ? process.exitValue() : -1, Files.readString(stdout),
                    Files.readString(stderr), took);
            assertThat(exited).as("vigil exits within %s; stderr: %s", limit, run.stderr()).isTrue();
            return run;
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
