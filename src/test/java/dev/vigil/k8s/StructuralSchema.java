package dev.vigil.k8s;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a YAML tree against a CRD's {@code openAPIV3Schema} as the Kubernetes API server does with strict
 * field validation ({@code kubectl apply --validate=strict}, the default since Kubernetes 1.27): a field the
 * schema does not name is an error unless the schema keeps unknown fields ({@code
 * x-kubernetes-preserve-unknown-fields}) or gives {@code additionalProperties}; then {@code type} (with
 * {@code x-kubernetes-int-or-string}), {@code enum}, {@code required}, {@code properties} and {@code items}.
 * Each problem names its path, e.g. {@code spec.job.upgradMode: unknown field}.
 */
final class StructuralSchema {

    private final Map<String, Object> schema;

    StructuralSchema(Map<String, Object> schema) {
        this.schema = schema;
    }

    /** Every problem of {@code value}, each as "path: what is wrong"; empty when it validates. */
    List<String> validate(Object value) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "", problems);
        return problems;
    }

    private static void check(Object value, Map<?, ?> schema, String path, List<String> problems) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                problems.add(where(path) + ": must not be null");
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!isInteger(value) && !(value instanceof String)) {
                problems.add(where(path) + ": must be an integer or a string, got " + describe(value));
            }
            return;
        }
        Object type = schema.get("type");
        if (type != null && !hasType(value, String.valueOf(type))) {
            problems.add(where(path) + ": must be of type " + type + ", got " + describe(value));
            return;
        }
        List<?> allowed = (List<?>) schema.get("enum");
        if (allowed != null && !allowed.contains(value)) {
            problems.add(where(path) + ": unsupported value " + describe(value) + ", must be one of " + allowed);
        }
        if (value instanceof Map<?, ?> map) {
            checkObject(map, schema, path, problems);
        } else if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), items, path + "[" + i + "]", problems);
            }
        }
    }

    private static void checkObject(Map<?, ?> map, Map<?, ?> schema, String path, List<String> problems) {
        Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
        Object additional = schema.get("additionalProperties");
        boolean keepsUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))
                || Boolean.TRUE.equals(additional);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String child = path.isEmpty() ? key : path + "." + key;
            if (properties.get(key) instanceof Map<?, ?> property) {
                check(entry.getValue(), property, child, problems);
            } else if (additional instanceof Map<?, ?> valueSchema) {
                check(entry.getValue(), valueSchema, child, problems);
            } else if (!keepsUnknown) {
                problems.add(child + ": unknown field \"" + key + "\"");
            }
        }
        if (schema.get("required") instanceof List<?> required) {
            for (Object key : required) {
                if (!map.containsKey(key)) {
                    problems.add(where(path) + ": required field \"" + key + "\" is missing");
                }
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> isInteger(value);
            case "number" -> isInteger(value) || value instanceof Double || value instanceof Float;
            case "boolean" -> value instanceof Boolean;
            default -> throw new IllegalArgumentException("schema type " + type + " is not known to this validator");
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value instanceof String ? "\"" + value + "\"" : value + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String where(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
