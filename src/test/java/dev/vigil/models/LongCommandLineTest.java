package dev.vigil.models;

import dev.vigil.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM whose command line is long (a Flink TaskManager's classpath, an IDE's -cp) opens a model and
 * detects. ONNX Runtime 1.29 matches a regex against /proc/self/cmdline when its environment starts,
 * recursing once per byte; on a 1 MB thread stack that killed the JVM (exit 139, no hs_err file).
 */
class LongCommandLineTest {

    /** Bytes of classpath the child gets: over twice what overflowed a 1 MB stack. */
    private static final int CLASSPATH_CHARS = 8 * 1024;

    /** ONNX Runtime skips its telemetry (and so the crash) when any of these is set: clear them. */
    private static final List<String> TELEMETRY_SWITCHES = List.of("ORT_DISABLE_TELEMETRY", "ORT_RUNNING_UNIT_TESTS",
            "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL", "CODEBUILD_BUILD_ID",
            "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");

    @TempDir
    Path emptyModelDir;

    @Test
    void aJvmWithAnEightKilobyteClasspathOpensTheModelAndDetects() throws Exception {
        String classpath = System.getProperty("java.class.path");
        // A real entry list, padded with one entry that does not exist (the JVM skips it).
        StringBuilder padded = new StringBuilder(classpath).append(File.pathSeparator)
                .append(emptyModelDir.resolve("no-such-dir-"));
        while (padded.length() < CLASSPATH_CHARS) {
            padded.append('x');
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", padded.toString(), Probe.class.getName(), TestData.modelMirror().toString(),
                emptyModelDir.toString(), TestData.image("bus.jpg").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        TELEMETRY_SWITCHES.forEach(env::remove);
        env.put("OPT_OUT_TRACKING", "true");

        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as("exit code (139 = SIGSEGV in ONNX Runtime); output:%n%s", output).isZero();
        assertThat(output).containsPattern("detections [1-9]");
    }

    /** The child: opens nanodet-plus-m-320 from the mirror and detects on one image. */
    public static final class Probe {
        public static void main(String[] args) {
            ModelSettings settings = ModelSettings.named("nanodet-plus-m-320")
                    .withMirrorDir(Path.of(args[0])).withModelDir(Path.of(args[1]));
            try (Detector detector = Detectors.open(settings)) {
                DetectionResult result = detector.detect(List.of(ImageFiles.readBgr(Path.of(args[2])))).get(0);
                System.out.println("detections " + result.detections().size());
            }
        }
    }
}
