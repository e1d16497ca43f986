package dev.vigil.k8s;

import dev.vigil.job.config.Secrets;
import dev.vigil.k8s.K8sFolder.Document;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.vigil.k8s.K8sFolder.at;
import static dev.vigil.k8s.K8sFolder.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CRD schema cannot say about Vigil's Flink pods: Flink's settings every deployment needs (state
 * on object storage, Kubernetes HA, the Prometheus reporter, nothing phoning home), secrets only from
 * Kubernetes Secrets, the job started from the image's jar with an absolute config path, and the GPU
 * variant set up as {@code conf/flink-gpu-taskmanager.yaml} says.
 */
class FlinkPodsTest {

    private static List<Document> ofKind(String kind) {
        return ManifestSchemaTest.manifests().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    private static Map<?, ?> flinkConfiguration(Document deployment) {
        return (Map<?, ?>) at(deployment.content(), "spec", "flinkConfiguration");
    }

    /** The pod templates of a FlinkDeployment: top level, JobManager and TaskManager, where given. */
    private static Map<String, Object> podTemplates(Document deployment) {
        Map<String, Object> templates = new java.util.LinkedHashMap<>();
        for (String[] where : List.of(new String[] {"spec", "podTemplate"},
                new String[] {"spec", "jobManager", "podTemplate"}, new String[] {"spec", "taskManager", "podTemplate"})) {
            Object template = at(deployment.content(), where);
            if (template != null) {
                templates.put(deployment + " " + String.join(".", where), template);
            }
        }
        return templates;
    }

    @Test
    void everyDeploymentKeepsStateOnObjectStorageWithKubernetesHa() {
        for (Document deployment : ofKind("FlinkDeployment")) {
            Map<?, ?> conf = flinkConfiguration(deployment);
            assertThat(at(deployment.content(), "spec", "flinkVersion")).as(deployment.toString()).isEqualTo("v1_20");
            assertThat(conf.get("high-availability.type")).as(deployment.toString()).isEqualTo("kubernetes");
            for (String key : List.of("high-availability.storageDir", "state.checkpoints.dir", "state.savepoints.dir")) {
                assertThat(String.valueOf(conf.get(key))).as(deployment + " " + key).startsWith("s3://");
            }
            assertThat(at(deployment.content(), "spec", "serviceAccount")).as(deployment.toString()).isEqualTo("vigil-flink");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFlinkPodReportsToPrometheusAndContactsNothing() {
        for (Document deployment : ofKind("FlinkDeployment")) {
            Map<?, ?> conf = flinkConfiguration(deployment);
            assertThat(conf.get("metrics.reporter.prom.factory.class")).as(deployment.toString())
                    .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            assertThat(conf.get("metrics.reporter.prom.port")).as(deployment.toString()).isEqualTo("9249");
            assertThat(conf.get("metrics.reporter.prom.filterLabelValueCharacters")).as("camera ids kept in labels")
                    .isEqualTo("false");
            assertThat(String.valueOf(conf.get("env.java.opts.all"))).as(deployment.toString())
                    .contains("-Dai.djl.offline=true");
            for (String pods : List.of("master", "taskmanager")) {
                assertThat(conf.get("containerized." + pods + ".env.OPT_OUT_TRACKING")).as(deployment + " " + pods)
                        .isEqualTo("true");
                assertThat(conf.get("containerized." + pods + ".env.ORT_DISABLE_TELEMETRY")).as(deployment + " " + pods)
                        .isEqualTo("1");
            }
            podTemplates(deployment).forEach((where, template) -> {
                assertThat(at(template, "metadata", "annotations", "prometheus.io/port")).as(where).isEqualTo("9249");
                assertThat((List<Object>) list(at(mainContainer(template, where), "ports")))
                        .as(where + ": the port the PodMonitor scrapes")
                        .contains(Map.of("name", "metrics", "containerPort", 9249, "protocol", "TCP"));
            });
        }
    }

    @Test
    void secretsComeFromKubernetesSecretsOnly() {
        List<String> problems = new ArrayList<>();
        for (Document deployment : ofKind("FlinkDeployment")) {
            flinkConfiguration(deployment).keySet().stream().map(String::valueOf).filter(Secrets::isSecret)
                    .forEach(key -> problems.add(deployment + ": flinkConfiguration." + key + " holds a secret"));
            podTemplates(deployment).forEach((where, template) -> {
                for (Object container : list(at(template, "spec", "containers"))) {
                    for (Object env : list(at(container, "env"))) {
                        problems.addAll(envProblems(where, env));
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** An env entry has a name and one of value and valueFrom; a secret's comes from a Secret. */
    static List<String> envProblems(String where, Object env) {
        List<String> problems = new ArrayList<>();
        Object name = at(env, "name");
        boolean value = env instanceof Map<?, ?> map && map.containsKey("value");
        boolean valueFrom = at(env, "valueFrom") != null;
        if (!(name instanceof String text) || text.isBlank()) {
            problems.add(where + ": env entry without a name: " + env);
        } else if (value == valueFrom) {
            problems.add(where + ": env " + name + " needs exactly one of value and valueFrom");
        } else if (looksSecret(text) && at(env, "valueFrom", "secretKeyRef") == null) {
            problems.add(where + ": env " + name + " is a secret; take it from a Secret (valueFrom.secretKeyRef)");
        }
        return problems;
    }

    /** Judged as Vigil masks config keys, with the variable's words joined as a config key's are. */
    static boolean looksSecret(String envName) {
        return Secrets.isSecret(envName.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @Test
    void theSecretCheckKnowsTheUsualNames() {
        assertThat(List.of("KAFKA_SASL_JAAS_CONFIG", "ELASTICSEARCH_PASSWORD", "CAMERA_GATE_PASSWORD",
                "ELASTICSEARCH_API_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY")).allMatch(FlinkPodsTest::looksSecret);
        assertThat(envProblems("t", Map.of("name", "ELASTICSEARCH_PASSWORD", "value", "changeme")))
                .singleElement().asString().contains("take it from a Secret");
        assertThat(envProblems("t", Map.of("name", "X"))).singleElement().asString().contains("exactly one of");
    }

    @Test
    void applicationsRunTheImagesJarWithAnAbsoluteConfigAndUpgradeWithSavepoints() {
        List<Document> jobs = new ArrayList<>(ofKind("FlinkSessionJob"));
        ofKind("FlinkDeployment").stream().filter(d -> at(d.content(), "spec", "job") != null).forEach(jobs::add);
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(3);
        for (Document job : jobs) {
            assertThat(at(job.content(), "spec", "job", "upgradeMode")).as(job.toString()).isEqualTo("savepoint");
            List<String> args = K8sFolder.strings(at(job.content(), "spec", "job", "args"));
            assertThat(args).as(job.toString()).hasSize(3).startsWith("run", "-c");
            assertThat(Path.of(args.get(2))).as(job.toString()).isAbsolute().startsWithRaw(Path.of("/opt/vigil/conf"));
            if (job.kind().equals("FlinkDeployment")) {
                assertThat(at(job.content(), "spec", "job", "jarURI")).as(job.toString())
                        .isEqualTo("local:///opt/flink/usrlib/vigil.jar");
            }
        }
    }

    @Test
    void gpuTaskManagersAreSetUpAsTheGpuTaskManagerConfigSays() {
        Map<?, ?> reference = (Map<?, ?>) K8sFolder.parseAll(K8sFolder.read(Path.of("conf/flink-gpu-taskmanager.yaml")),
                "conf/flink-gpu-taskmanager.yaml").get(0);
        List<Document> gpu = ofKind("FlinkDeployment").stream()
                .filter(d -> flinkConfiguration(d).containsKey("external-resources")).toList();
        assertThat(gpu).isNotEmpty();
        for (Document deployment : gpu) {
            Map<?, ?> conf = flinkConfiguration(deployment);
            reference.forEach((key, value) -> {
                if (String.valueOf(key).startsWith("external-resource")) {
                    assertThat(conf.get(key)).as(deployment + " " + key).isEqualTo(String.valueOf(value));
                }
            });
            Object template = at(deployment.content(), "spec", "taskManager", "podTemplate");
            assertThat(String.valueOf(at(mainContainer(template, deployment.toString()), "resources", "limits",
                    "nvidia.com/gpu"))).as(deployment.toString()).isEqualTo(conf.get("external-resource.gpu.amount"));
        }
    }

    private static Object mainContainer(Object template, String where) {
        return list(at(template, "spec", "containers")).stream()
                .filter(c -> "flink-main-container".equals(at(c, "name")))
                .findFirst().orElseThrow(() -> new AssertionError(where + ": no flink-main-container"));
    }
}
