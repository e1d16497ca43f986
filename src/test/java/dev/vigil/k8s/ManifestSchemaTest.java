package dev.vigil.k8s;

import dev.vigil.k8s.K8sFolder.Document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest under {@code k8s/} parses, names its kind and itself, and every Flink resource passes the
 * operator's CRD schema as the API server checks it with strict field validation; a misspelt key, a wrong
 * enum value or a wrong type in a real manifest is reported with its path.
 */
class ManifestSchemaTest {

    /** Every document of every manifest file (the YAML files of k8s/ other than kustomizations and job configs). */
    static List<Document> manifests() {
        List<Path> jobConfigs = K8sFolder.kustomizations().stream()
                .flatMap(k -> k.generatedFiles().stream()).map(K8sFolder.GeneratedFile::file).toList();
        return K8sFolder.yamlFiles().stream()
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                .filter(p -> !jobConfigs.contains(p))
                .flatMap(p -> K8sFolder.documents(p).stream())
                .toList();
    }

    static List<String> schemaProblems(Document document) {
        String apiVersion = String.valueOf(document.content().get("apiVersion"));
        return OperatorCrds.schema(apiVersion, document.kind())
                .orElseThrow(() -> new AssertionError(document + ": the operator has no " + document.kind()
                        + " at " + apiVersion))
                .validate(document.content());
    }

    @Test
    void everyManifestNamesItsApiVersionKindAndName() {
        List<Document> manifests = manifests();
        assertThat(manifests).extracting(Document::kind)
                .contains("FlinkDeployment", "FlinkSessionJob", "ServiceAccount", "Role", "RoleBinding",
                        "PersistentVolumeClaim", "PodMonitor");
        List<String> problems = new ArrayList<>();
        for (Document manifest : manifests) {
            if (!String.valueOf(manifest.content().get("apiVersion")).matches("([a-z0-9.-]+/)?v\\d+((alpha|beta)\\d+)?")) {
                problems.add(manifest + ": apiVersion " + manifest.content().get("apiVersion"));
            }
            if (!(manifest.content().get("kind") instanceof String kind) || !kind.matches("[A-Z][A-Za-z]+")) {
                problems.add(manifest + ": kind missing or malformed");
            }
            if (!(K8sFolder.at(manifest.content(), "metadata", "name") instanceof String name)
                    || !name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
                problems.add(manifest + ": metadata.name missing or not a DNS name");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFlinkResourceValidatesAgainstTheOperatorsCrdSchema() {
        List<Document> flink = manifests().stream().filter(d -> OperatorCrds.isOperatorKind(d.kind())).toList();
        assertThat(flink).hasSizeGreaterThanOrEqualTo(4);
        for (Document document : flink) {
            assertThat(document.content().get("apiVersion")).as(document.toString()).isEqualTo(OperatorCrds.API_VERSION);
            assertThat(schemaProblems(document)).as(document.toString()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            application-cpu/flink-deployment.yaml | '  jobManager:'             | '  jobManger:'               | 'spec.jobManger: unknown field "jobManger"'
            application-cpu/flink-deployment.yaml | '    upgradeMode: savepoint' | '    upgradMode: savepoint' | 'spec.job.upgradMode: unknown field "upgradMode"'
            application-cpu/flink-deployment.yaml | '    upgradeMode: savepoint' | '    upgradeMode: savepoints' | 'spec.job.upgradeMode: unsupported value "savepoints", must be one of [last-state, savepoint, stateless]'
            application-cpu/flink-deployment.yaml | 'flinkVersion: v1_20'      | 'flinkVersion: v1_21'        | 'spec.flinkVersion: unsupported value "v1_21"'
            application-cpu/flink-deployment.yaml | 'parallelism: 2'           | 'parallelism: two'           | 'spec.job.parallelism: must be of type integer, got "two"'
            application-cpu/flink-deployment.yaml | 'numberOfTaskSlots: "2"'   | 'numberOfTaskSlots: 2'       | 'spec.flinkConfiguration.taskmanager.numberOfTaskSlots: must be of type string, got 2'
            application-gpu/flink-deployment.yaml | 'nvidia.com/gpu: 1'        | 'nvidia.com/gpu: [1]'        | 'spec.taskManager.podTemplate.spec.containers[0].resources.limits.nvidia.com/gpu: must be an integer or a string'
            application-gpu/flink-deployment.yaml | '        tolerations:'     | '        toleration:'         | 'spec.taskManager.podTemplate.spec.toleration: unknown field "toleration"'
            session/flink-deployment.yaml         | 'key: kafka-sasl-jaas-config' | 'kee: kafka-sasl-jaas-config' | 'spec.jobManager.podTemplate.spec.containers[0].env[0].valueFrom.secretKeyRef.kee: unknown field "kee"'
            session/session-job.yaml              | 'deploymentName:'          | 'deploymentname:'            | 'spec.deploymentname: unknown field "deploymentname"'
            session/session-job.yaml              | '  name: vigil'            | '  nam: vigil'               | 'metadata.nam: unknown field "nam"'
            """)
    void aTypoInARealManifestIsReportedWithItsPath(String file, String from, String to, String reported) {
        Path path = K8sFolder.ROOT.resolve(file);
        String text = K8sFolder.read(path);
        assertThat(text).as("the manifest the case edits").contains(from);
        String edited = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
        Document document = new Document(path, 0, (Map<?, ?>) K8sFolder.parseAll(edited, file).get(0));
        assertThat(schemaProblems(document)).anySatisfy(p -> assertThat(p).startsWith(reported));
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsTheApiServerRefusesIt() {
        String text = K8sFolder.read(K8sFolder.ROOT.resolve("session/session-job.yaml")) + "  restartNonce: 1\n"
                + "  restartNonce: 2\n";
        assertThatThrownBy(() -> K8sFolder.parseAll(text, "session-job.yaml"))
                .hasMessageContaining("found duplicate key restartNonce");
    }
}
