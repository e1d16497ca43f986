package dev.vigil.k8s;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's {@code k8s/} folder as tests read it: its kustomizations, the manifests they list (each
 * document of a multi-document YAML file) and the Vigil job configs they turn into ConfigMaps.
 */
final class K8sFolder {

    /** Tests run in the project's root directory. */
    static final Path ROOT = Path.of("k8s");

    /** One YAML document of a manifest file. */
    record Document(Path file, int index, Map<?, ?> content) {
        String kind() {
            return String.valueOf(content.get("kind"));
        }

        String name() {
            return String.valueOf(at(content, "metadata", "name"));
        }

        @Override
        public String toString() {
            return file + " #" + (index + 1) + " (" + kind() + " " + name() + ")";
        }
    }

    /** A ConfigMap that a kustomization generates from {@code file}, under the key {@code key}. */
    record GeneratedFile(String configMap, String key, Path file) {}

    /** A {@code kustomization.yaml} and what it lists. */
    record Kustomization(Path dir, Map<?, ?> content) {
        /** Every path it lists (resources, components, patches, generator files), resolved against its folder. */
        List<Path> listedPaths() {
            List<Path> paths = new ArrayList<>();
            for (String key : List.of("resources", "components", "patchesStrategicMerge", "configurations")) {
                strings(content.get(key)).forEach(p -> paths.add(dir.resolve(p).normalize()));
            }
            for (Object patch : list(content.get("patches"))) {
                if (at(patch, "path") instanceof String p) {
                    paths.add(dir.resolve(p).normalize());
                }
            }
            generatedFiles().forEach(g -> paths.add(g.file()));
            return paths;
        }

        /** The files of its configMapGenerator and secretGenerator entries. */
        List<GeneratedFile> generatedFiles() {
            List<GeneratedFile> files = new ArrayList<>();
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                for (Object entry : list(content.get(generator))) {
                    for (String file : strings(at(entry, "files"))) {
                        String[] keyAndPath = file.split("=", 2);
                        String path = keyAndPath[keyAndPath.length - 1];
                        String key = keyAndPath.length == 2 ? keyAndPath[0] : Path.of(path).getFileName().toString();
                        files.add(new GeneratedFile(String.valueOf(at(entry, "name")), key, dir.resolve(path).normalize()));
                    }
                }
            }
            return files;
        }

        /** The documents of the manifest files it lists as resources and patches (folders excluded). */
        List<Document> documents() {
            return listedPaths().stream()
                    .filter(Files::isRegularFile)
                    .filter(p -> generatedFiles().stream().noneMatch(g -> g.file().equals(p)))
                    .flatMap(p -> K8sFolder.documents(p).stream())
                    .toList();
        }
    }

    private K8sFolder() {}

    /** Every {@code kustomization.yaml} under {@code k8s/}. */
    static List<Kustomization> kustomizations() {
        return yamlFiles().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .map(p -> new Kustomization(p.getParent(), (Map<?, ?>) parseAll(read(p), p.toString()).get(0)))
                .toList();
    }

    /** Every YAML file under {@code k8s/}. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each document of a manifest file; an empty document (a trailing {@code ---}) is left out. */
    static List<Document> documents(Path file) {
        List<Object> trees = parseAll(read(file), file.toString());
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            if (trees.get(i) == null) {
                continue;
            }
            if (!(trees.get(i) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " #" + (i + 1) + ": a manifest must be a YAML mapping");
            }
            documents.add(new Document(file, i, map));
        }
        return documents;
    }

    /**
     * The documents of {@code text}, parsed as Kubernetes reads manifests: YAML with its core schema (so
     * {@code "9249"} stays a string and {@code 9249} is an integer) and no key given twice.
     */
    static List<Object> parseAll(String text, String source) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setLabel(source)
                .setCodePointLimit(8 * 1024 * 1024)
                .build();
        try {
            List<Object> documents = new ArrayList<>();
            new Load(settings).loadAllFromString(text).forEach(documents::add);
            return documents;
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The value under {@code keys} (map keys, or list indexes as text), or {@code null} where there is none. */
    static Object at(Object tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else if (node instanceof List<?> list && key.matches("\\d+") && Integer.parseInt(key) < list.size()) {
                node = list.get(Integer.parseInt(key));
            } else {
                return null;
            }
        }
        return node;
    }

    /** {@code value} as a list; an absent value is an empty list. */
    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
