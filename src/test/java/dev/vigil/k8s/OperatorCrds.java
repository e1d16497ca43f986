package dev.vigil.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas of the Flink Kubernetes Operator's custom resources, as its API jar ships them
 * ({@code flink-kubernetes-operator-api}, {@code META-INF/fabric8/<plural>.flink.apache.org-v1.yml}): the
 * {@code openAPIV3Schema} of the served version, with the {@code apiVersion}, {@code kind} and {@code metadata}
 * that the API server adds to every custom resource's schema itself.
 */
final class OperatorCrds {

    static final String API_VERSION = "flink.apache.org/v1beta1";

    private static final Map<String, String> FILES = Map.of(
            "FlinkDeployment", "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml",
            "FlinkSessionJob", "META-INF/fabric8/flinksessionjobs.flink.apache.org-v1.yml");

    /** Parsed once per test JVM: the FlinkDeployment CRD is half a megabyte of YAML. */
    private static final Map<String, Map<?, ?>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private OperatorCrds() {}

    /** The schema of {@code kind} at {@code apiVersion}, if the operator defines that kind at that version. */
    static Optional<StructuralSchema> schema(String apiVersion, String kind) {
        String file = FILES.get(kind);
        if (file == null || !apiVersion.startsWith("flink.apache.org/")) {
            return Optional.empty();
        }
        String version = apiVersion.substring("flink.apache.org/".length());
        Map<?, ?> crd = PARSED.computeIfAbsent(file, f -> (Map<?, ?>) K8sFolder.parseAll(resource(f), f).get(0));
        for (Object served : (List<?>) K8sFolder.at(crd, "spec", "versions")) {
            if (version.equals(K8sFolder.at(served, "name"))) {
                return Optional.of(new StructuralSchema(withObjectMeta((Map<?, ?>) K8sFolder.at(served,
                        "schema", "openAPIV3Schema"))));
            }
        }
        return Optional.empty();
    }

    /** The kinds this class has schemas for. */
    static boolean isOperatorKind(String kind) {
        return FILES.containsKey(kind);
    }

    private static Map<String, Object> withObjectMeta(Map<?, ?> schema) {
        Map<String, Object> stringMap = Map.of("type", "object", "additionalProperties", Map.of("type", "string"));
        Map<String, Object> metadata = Map.of("type", "object", "properties", Map.of(
                "name", Map.of("type", "string"),
                "namespace", Map.of("type", "string"),
                "generateName", Map.of("type", "string"),
                "labels", stringMap,
                "annotations", stringMap,
                "finalizers", Map.of("type", "array", "items", Map.of("type", "string"))));
        Map<String, Object> properties = new LinkedHashMap<>();
        ((Map<?, ?>) schema.get("properties")).forEach((k, v) -> properties.put(String.valueOf(k), v));
        properties.put("apiVersion", Map.of("type", "string"));
        properties.put("kind", Map.of("type", "string"));
        properties.put("metadata", metadata);
        Map<String, Object> root = new LinkedHashMap<>();
        schema.forEach((k, v) -> root.put(String.valueOf(k), v));
        root.put("properties", properties);
        return root;
    }

    private static String resource(String name) {
        try (InputStream in = OperatorCrds.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath "
                        + "(org.apache.flink:flink-kubernetes-operator-api, test scope)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
