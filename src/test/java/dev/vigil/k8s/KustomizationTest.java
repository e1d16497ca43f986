package dev.vigil.k8s;

import dev.vigil.k8s.K8sFolder.Document;
import dev.vigil.k8s.K8sFolder.Kustomization;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.vigil.k8s.K8sFolder.at;
import static dev.vigil.k8s.K8sFolder.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomizations of {@code k8s/}: what they list exists, every manifest is used by one, and what a
 * deployment refers to by name (its ServiceAccount, ConfigMaps, volume claims, session cluster) is in
 * what {@code kubectl apply -k} of its folder creates.
 */
class KustomizationTest {

    @Test
    void everyListedFileExists() {
        List<String> missing = new ArrayList<>();
        for (Kustomization kustomization : K8sFolder.kustomizations()) {
            for (Path path : kustomization.listedPaths()) {
                boolean exists = Files.isDirectory(path) ? Files.isRegularFile(path.resolve("kustomization.yaml"))
                        : Files.isRegularFile(path);
                if (!exists) {
                    missing.add(kustomization.dir() + " lists " + path);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyManifestIsUsedBySomeKustomization() {
        Set<Path> listed = new HashSet<>();
        K8sFolder.kustomizations().forEach(k -> listed.addAll(k.listedPaths()));
        assertThat(ManifestSchemaTest.manifests().stream().map(Document::file).distinct())
                .allSatisfy(file -> assertThat(listed).as("kustomizations listing " + file).contains(file));
    }

    @Test
    void whatEachDeploymentNamesIsCreatedWithIt() {
        List<String> problems = new ArrayList<>();
        for (Kustomization kustomization : K8sFolder.kustomizations()) {
            List<Document> created = applied(kustomization);
            Set<String> names = new HashSet<>();
            created.forEach(d -> names.add(d.kind() + "/" + d.name()));
            kustomization.generatedFiles().forEach(g -> names.add("ConfigMap/" + g.configMap()));
            for (Document document : created) {
                if (document.kind().equals("FlinkDeployment")) {
                    need(names, "ServiceAccount/" + at(document.content(), "spec", "serviceAccount"), document, problems);
                    for (String pod : List.of("jobManager", "taskManager")) {
                        for (Object volume : list(at(document.content(), "spec", pod, "podTemplate", "spec", "volumes"))) {
                            if (at(volume, "configMap", "name") instanceof String configMap) {
                                need(names, "ConfigMap/" + configMap, document, problems);
                            }
                            if (at(volume, "persistentVolumeClaim", "claimName") instanceof String claim) {
                                need(names, "PersistentVolumeClaim/" + claim, document, problems);
                            }
                        }
                    }
                }
                if (document.kind().equals("FlinkSessionJob")) {
                    need(names, "FlinkDeployment/" + at(document.content(), "spec", "deploymentName"), document, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void need(Set<String> names, String name, Document by, List<String> problems) {
        if (!names.contains(name)) {
            problems.add(by + " names " + name + ", which its kustomization does not create");
        }
    }

    /** The documents {@code kustomize build} of this folder starts from: its files and its bases' files. */
    static List<Document> applied(Kustomization kustomization) {
        List<Document> documents = new ArrayList<>(kustomization.documents());
        for (Path path : kustomization.listedPaths()) {
            if (Files.isDirectory(path)) {
                K8sFolder.kustomizations().stream().filter(k -> k.dir().equals(path)).findFirst()
                        .ifPresent(base -> documents.addAll(applied(base)));
            }
        }
        return documents;
    }
}
