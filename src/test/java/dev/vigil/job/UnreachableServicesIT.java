package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.JarRun;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.FreePorts;
import dev.vigil.testing.services.RtspServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service the job needs that does not answer (a closed port on this machine) stops the command before
 * anything starts: within its configured timeout, with exit code 2, a message whose problem line names the
 * key and the address, no stack trace on the console and no output file. Where only the real process shows
 * what reaches the console, the built jar runs; elsewhere the command runs in this JVM.
 */
class UnreachableServicesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Generous for a loaded 2-core machine: the check's own bound twice, plus a JVM and a job's set-up. */
    private static final Duration BOUND = TIMEOUT.multipliedBy(2).plusSeconds(15);

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void anAbsentKafkaBrokerStopsTheRunInOneLineWithinTheTimeout() throws Exception {
        int port = FreePorts.pick();

        JarRun run = JarRun.of(dir, BOUND.plusMinutes(1), "run", "-c", Path.of("conf/kafka.yaml").toAbsolutePath().toString(),
                "--set", "kafka.bootstrap-servers=127.0.0.1:" + port,
                "--set", "kafka.connect-timeout=" + TIMEOUT.toSeconds() + "s",
                "--set", "model.mirror=" + TestData.modelMirror());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.stderr().lines()).containsExactly(
                "Cannot start: " + Path.of("conf/kafka.yaml").toAbsolutePath() + ": 1 problem",
                "  - kafka.bootstrap-servers: no broker answered at 127.0.0.1:" + port + " within 3 s (is it running "
                        + "and reachable from here? security settings go in kafka.properties)");
        assertThat(run.took()).isLessThan(BOUND);
        assertThat(outputsIn(dir)).as("nothing but the log").containsExactly(dir.resolve("out/vigil.log"));
    }

    @Test
    void anAbsentKafkaBrokerStopsABackfillToo() throws Exception {
        int port = FreePorts.pick();

        long start = System.nanoTime();
        int exit = runHere("conf/kafka.yaml",
                "kafka.bootstrap-servers=127.0.0.1:" + port,
                "kafka.stop-at-end=true",
                "kafka.connect-timeout=" + TIMEOUT.toSeconds() + "s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exit).as(console.stderr()).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr().lines().toList()).element(1).isEqualTo("  - kafka.bootstrap-servers: no broker "
                + "answered at 127.0.0.1:" + port + " within 3 s (is it running and reachable from here? security "
                + "settings go in kafka.properties)");
        assertThat(took).isLessThan(BOUND);
        assertThat(outputsIn(dir)).isEmpty();
    }

    @Test
    void publishingToAnAbsentBrokerStopsBeforeTheFirstFrame() throws Exception {
        int port = FreePorts.pick();

        long start = System.nanoTime();
        int exit = VigilCli.execute("publish", "-i",
                TestData.data("video/vehicle-counting-street/input_video.mp4").toString(),
                "-b", "127.0.0.1:" + port, "-t", "frames", "--connect-timeout", TIMEOUT.toSeconds() + "s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr().lines()).containsExactly("--bootstrap-servers: no broker answered at 127.0.0.1:"
                + port + " within 3 s (is it running and reachable from here? security settings go in --property)");
        assertThat(console.stdout()).doesNotContain("Publishing");
        assertThat(took).isLessThan(BOUND);
    }

    @Test
    void anAbsentElasticsearchStopsTheRunNamingTheHost() throws Exception {
        int port = FreePorts.pick();

        long start = System.nanoTime();
        int exit = runHere("conf/demo.yaml",
                "elasticsearch.hosts=http://127.0.0.1:" + port,
                "elasticsearch.connect-timeout=" + TIMEOUT.toSeconds() + "s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exit).as(console.stderr()).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr().lines().toList()).element(1).asString().startsWith(
                "  - elasticsearch.hosts: no Elasticsearch node answered at http://127.0.0.1:" + port + " within 3 s (")
                .endsWith("is it running and reachable from here?)");
        assertThat(took).isLessThan(BOUND);
        assertThat(outputsIn(dir)).isEmpty();
    }

    @Test
    void aFailFastCameraThatIsDownStopsTheRunWithinItsTimeoutNamingItAndItsUrl() throws Exception {
        RtspServer.checkInstalled();
        int closed = FreePorts.pick();
        try (RtspServer server = RtspServer.builder().pattern("gate", 160, 120, 10).start()) {
            Path config = dir.resolve("cameras.yaml");
            Files.writeString(config, """
                    input:
                      type: rtsp
                      fail-fast: true
                      cameras:
                        - {id: gate, url: "%s", timeout: 3s}
                        - {id: yard, url: "rtsp://viewer:s3cret@127.0.0.1:%d/yard", timeout: 3s}
                    model: {name: nanodet-plus-m-320, mirror: "%s"}
                    """.formatted(server.url("gate"), closed, TestData.modelMirror()));

            JarRun run = JarRun.of(dir, BOUND.plusMinutes(1), "run", "-c", config.toString());

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.CONFIG);
            List<String> lines = run.stderr().lines().toList();
            assertThat(lines).as("one problem: the camera that is up passes").hasSize(2);
            assertThat(lines.get(0)).isEqualTo("Cannot start: " + config + ": 1 problem");
            assertThat(lines.get(1)).startsWith("  - input.cameras[1]: camera 'yard' at rtsp://***@127.0.0.1:" + closed
                    + "/yard is unreachable: Connection refused").endsWith("(input.fail-fast is on)");
            assertThat(run.stderr()).doesNotContain("s3cret").doesNotContain("\tat ");
            assertThat(run.took()).isLessThan(BOUND);
            assertThat(outputsIn(dir)).containsExactly(dir.resolve("out/vigil.log"));
        }
    }

    /** {@code vigil run} in this JVM with {@code config} and {@code settings}, every output and checkpoint under {@link #dir}. */
    private int runHere(String config, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "-c", config));
        List<String> all = new ArrayList<>(List.of(settings));
        all.add("job.checkpoint-dir=" + dir.resolve("checkpoints"));
        for (String output : List.of("path", "rejects-path", "tracks-path", "events-path", "counts-path")) {
            all.add("output." + output + "=" + dir.resolve(output + ".jsonl"));
        }
        all.forEach(setting -> args.addAll(List.of("--set", setting)));
        return VigilCli.execute(args.toArray(new String[0]));
    }

    /** Files under {@code root}, but for what this test wrote itself (configs, captured console). */
    private static List<Path> outputsIn(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().matches("stdout\\.txt|stderr\\.txt|.*\\.yaml"))
                    .forEach(files::add);
        }
        return files;
    }
}
