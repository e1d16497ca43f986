package dev.vigil.k8s;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image of {@code k8s/Dockerfile} can be built from what {@code mvn package} produced: every file or
 * folder it copies from the build context (the repository root), with its build arguments at their
 * defaults, exists after {@code package} and is let through by {@code k8s/Dockerfile.dockerignore}. An
 * integration test because it needs the packaged jar and {@code target/image/}; no image is built here.
 */
class ImageStagingIT {

    private static final Path DOCKERFILE = Path.of("k8s/Dockerfile");

    /** The Dockerfile's instructions, continuation lines joined and comments left out. */
    private static List<String> instructions() {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : K8sFolder.read(DOCKERFILE).split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                if (!current.toString().isBlank()) {
                    instructions.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** The default of every ARG. */
    private static Map<String, String> argDefaults() {
        Map<String, String> defaults = new HashMap<>();
        for (String instruction : instructions()) {
            Matcher arg = Pattern.compile("ARG (\\w+)=(\\S*)").matcher(instruction);
            if (arg.matches()) {
                defaults.put(arg.group(1), arg.group(2));
            }
        }
        return defaults;
    }

    /** The build-context sources of every COPY and ADD (not those copied from another stage or image). */
    private static List<String> contextSources() {
        Map<String, String> args = argDefaults();
        List<String> sources = new ArrayList<>();
        for (String instruction : instructions()) {
            List<String> words = Arrays.asList(instruction.split("\\s+"));
            String command = words.get(0).toUpperCase(java.util.Locale.ROOT);
            if (!command.equals("COPY") && !command.equals("ADD")
                    || words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> operands = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : operands.subList(0, operands.size() - 1)) {
                Matcher variable = Pattern.compile("\\$\\{?(\\w+)}?").matcher(source);
                sources.add(variable.replaceAll(m -> Matcher.quoteReplacement(args.getOrDefault(m.group(1), ""))));
            }
        }
        return sources;
    }

    @Test
    void everyFileTheImageCopiesWasProducedByTheBuild() {
        List<String> sources = contextSources();
        assertThat(sources).contains("target/vigil.jar", "target/image/plugins/", "target/image/models/");
        assertThat(sources).allSatisfy(source -> assertThat(Path.of(source)).as("COPY source").exists());
    }

    @Test
    void theGpuPluginFolderHoldsItsDiscoveryScriptsBesideTheJar() throws Exception {
        Path gpu = Path.of("target/image/plugins/external-resource-gpu");
        assertThat(gpu.resolve("nvidia-gpu-discovery.sh")).isRegularFile();
        assertThat(gpu.resolve("gpu-discovery-common.sh")).isRegularFile();
        try (var jars = Files.list(gpu)) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("flink-external-resource-gpu-1.20.0.jar", "nvidia-gpu-discovery.sh",
                            "gpu-discovery-common.sh");
        }
        try (var jars = Files.list(Path.of("target/image/plugins/metrics-prometheus"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).containsExactly("flink-metrics-prometheus-1.20.3.jar");
        }
        assertThat(instructions()).contains("RUN chmod 0755 plugins/external-resource-gpu/*.sh");
    }

    @Test
    void theBuildContextLetsThroughWhatTheImageCopies() {
        List<String> kept = K8sFolder.read(Path.of("k8s/Dockerfile.dockerignore")).lines()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1).replaceAll("/$", "")).toList();
        assertThat(K8sFolder.read(Path.of("k8s/Dockerfile.dockerignore")).lines()).contains("*");
        assertThat(contextSources()).allSatisfy(source -> assertThat(kept)
                .anySatisfy(k -> assertThat(source.replaceAll("/$", "")).matches(Pattern.quote(k) + "(/.*)?")));
    }

    @Test
    void theImageIsFlink120OnJava17AndKeepsDjlAndOnnxRuntimeOffline() {
        assertThat(argDefaults().get("FLINK_IMAGE")).matches("flink:1\\.20(\\.\\d+)?(-scala_2\\.12)?-java17");
        String env = String.join(" ", instructions().stream().filter(i -> i.startsWith("ENV ")).toList());
        assertThat(env).contains("OPT_OUT_TRACKING=true", "ORT_DISABLE_TELEMETRY=1", "-Dai.djl.offline=true");
    }
}
