package dev.vigil.k8s;

import dev.vigil.job.ServiceCheck;
import dev.vigil.job.VigilJob;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.k8s.K8sFolder.Document;
import dev.vigil.k8s.K8sFolder.GeneratedFile;
import dev.vigil.k8s.K8sFolder.Kustomization;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vigil.k8s.K8sFolder.at;
import static dev.vigil.k8s.K8sFolder.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each Vigil job config that {@code k8s/} puts in a ConfigMap passes Vigil's own check as the JobManager
 * runs it in application mode or for a session job: {@link VigilConfig} (keys, types, ranges, rules across
 * keys), {@link VigilConfig#onCluster()} (absolute paths) and {@link VigilJob#fromConfig} (inputs, the
 * model and its contract, outputs, analytics cameras, Kafka and Elasticsearch settings), with
 * {@link ServiceCheck#NONE}: no camera, broker or node is asked. The pod's volumes stand in as local
 * folders: its output volume as a temporary folder, the image's model folder as the shared model mirror.
 * Every {@code ${NAME}} the config uses must be in the JobManager's environment, where it is resolved.
 */
class ClusterJobConfigTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:-[^}]*)?}");

    /** Where the image keeps its models (k8s/Dockerfile), the model.mirror of the configs. */
    private static final String IMAGE_MODELS = "/opt/vigil/models";

    @TempDir
    Path volumes;

    /** A job config as a JobManager sees it: its path there, its environment, its other volumes. */
    record MountedConfig(GeneratedFile file, Document deployment, String podPath, Set<String> environment,
            List<String> otherMounts) {
        @Override
        public String toString() {
            return file.file() + " (" + podPath + " in " + deployment + ")";
        }
    }

    static List<MountedConfig> mountedConfigs() {
        List<MountedConfig> configs = new ArrayList<>();
        for (Kustomization kustomization : K8sFolder.kustomizations()) {
            for (GeneratedFile file : kustomization.generatedFiles()) {
                for (Document document : KustomizationTest.applied(kustomization)) {
                    if (document.kind().equals("FlinkDeployment")) {
                        mountedIn(file, document).ifPresent(configs::add);
                    }
                }
            }
        }
        return configs;
    }

    private static java.util.Optional<MountedConfig> mountedIn(GeneratedFile file, Document deployment) {
        Object pod = at(deployment.content(), "spec", "jobManager", "podTemplate", "spec");
        String volume = list(at(pod, "volumes")).stream()
                .filter(v -> file.configMap().equals(at(v, "configMap", "name")))
                .map(v -> String.valueOf(at(v, "name"))).findFirst().orElse(null);
        if (volume == null) {
            return java.util.Optional.empty();
        }
        Object container = at(pod, "containers", "0");
        String podPath = null;
        List<String> otherMounts = new ArrayList<>();
        for (Object mount : list(at(container, "volumeMounts"))) {
            if (volume.equals(at(mount, "name"))) {
                podPath = at(mount, "mountPath") + "/" + file.key();
            } else {
                otherMounts.add(String.valueOf(at(mount, "mountPath")));
            }
        }
        Set<String> environment = new TreeSet<>();
        list(at(container, "env")).forEach(env -> environment.add(String.valueOf(at(env, "name"))));
        return java.util.Optional.of(new MountedConfig(file, deployment, podPath, environment, otherMounts));
    }

    @Test
    void everyJobConfigIsMountedWhereItsJobReadsIt() {
        List<MountedConfig> configs = mountedConfigs();
        assertThat(configs).extracting(c -> c.file().file().getParent().getFileName().toString())
                .containsExactlyInAnyOrder("application-cpu", "application-gpu", "session");
        List<String> argsPaths = new ArrayList<>();
        ManifestSchemaTest.manifests().forEach(d -> {
            List<String> args = K8sFolder.strings(at(d.content(), "spec", "job", "args"));
            if (args.size() == 3) {
                argsPaths.add(args.get(2));
            }
        });
        assertThat(configs).allSatisfy(c -> assertThat(argsPaths).as(c.toString()).contains(c.podPath()));
    }

    @Test
    void everyJobConfigPassesVigilsCheckAsTheJobManagerRunsIt() {
        for (MountedConfig config : mountedConfigs()) {
            assertThat(unsetVariables(config, K8sFolder.read(config.file().file()))).as(config.toString()).isEmpty();
            check(config, K8sFolder.read(config.file().file()));
        }
    }

    @Test
    void aMisspeltVigilKeyInAConfigMapFails() {
        MountedConfig config = config("application-cpu");
        String text = K8sFolder.read(config.file().file()).replace("slots-per-device:", "slots-per-devise:");
        assertThatThrownBy(() -> check(config, text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detect.slots-per-devise");
    }

    @Test
    void aRelativePathInAConfigMapFailsAsOnEveryCluster() {
        MountedConfig config = config("application-gpu");
        String text = K8sFolder.read(config.file().file()).replace("/opt/vigil/out/rejects.jsonl", "out/rejects.jsonl");
        assertThatThrownBy(() -> check(config, text)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("output.rejects-path: 'out/rejects.jsonl' is a relative path");
    }

    @Test
    void aVariableTheJobManagerDoesNotHaveIsReported() {
        MountedConfig config = config("session");
        String text = K8sFolder.read(config.file().file()).replace("${CAMERA_GATE_PASSWORD}", "${CAMERA_GATE_PASWORD}");
        assertThat(unsetVariables(config, text)).containsExactly("CAMERA_GATE_PASWORD");
    }

    private static MountedConfig config(String folder) {
        return mountedConfigs().stream()
                .filter(c -> c.file().file().getParent().getFileName().toString().equals(folder))
                .findFirst().orElseThrow();
    }

    /** The variables without a fallback that {@code text}'s values use and the JobManager's environment lacks. */
    private static List<String> unsetVariables(MountedConfig config, String text) {
        List<String> unset = new ArrayList<>();
        // Comments are not resolved (and name ${NAME} as an example).
        Matcher matcher = VARIABLE.matcher(text.replaceAll("(?m)(^|\\s)#.*$", ""));
        while (matcher.find()) {
            if (matcher.group(2) == null && !config.environment().contains(matcher.group(1))) {
                unset.add(matcher.group(1));
            }
        }
        return unset;
    }

    /** Vigil's check of {@code text} as the JobManager of {@code config} runs it, volumes standing in. */
    private void check(MountedConfig config, String text) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        mounts.put(IMAGE_MODELS, TestData.modelMirror().toAbsolutePath());
        for (String mount : config.otherMounts()) {
            mounts.put(mount, volumes.resolve(Path.of(mount).getFileName().toString()));
        }
        String local = text;
        for (Map.Entry<String, Path> mount : mounts.entrySet()) {
            local = local.replaceAll(Pattern.quote(mount.getKey()) + "(?=[/\\s'\"\\],}]|$)",
                    Matcher.quoteReplacement(mount.getValue().toString()));
        }
        List<String> set = new ArrayList<>();
        for (String name : config.environment()) {
            if (System.getProperty(name) == null && System.getenv(name) == null) {
                System.setProperty(name, "k8s-test-" + name.toLowerCase(java.util.Locale.ROOT));
                set.add(name);
            }
        }
        try {
            VigilConfig checked = VigilConfig.parse(config.podPath(), local, Map.of()).onCluster();
            VigilJob.fromConfig(checked, config.podPath(), ServiceCheck.NONE);
        } finally {
            set.forEach(System::clearProperty);
        }
    }
}
