package dev.vigil.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a JSON value against one of the project's JSON Schemas, as far as they use the language:
 * required fields, no undeclared fields, enums, recursively through objects and arrays.
 */
public final class JsonSchemaAssert {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSchemaAssert() {}

    /** A schema from {@code sinks/schema/}. */
    public static JsonNode schema(String name) throws IOException {
        return MAPPER.readTree(Path.of("sinks/schema", name).toFile());
    }

    public static void assertMatchesSchema(JsonNode value, JsonNode schema) {
        if (schema.has("required")) {
            for (JsonNode field : schema.get("required")) {
                assertThat(value.has(field.asText())).as("required field " + field).isTrue();
            }
        }
        if (schema.has("properties")) {
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            assertThat(names).allSatisfy(n -> assertThat(schema.get("properties").has(n)).as("declared " + n).isTrue());
            names.forEach(n -> assertMatchesSchema(value.get(n), schema.get("properties").get(n)));
        }
        if (schema.has("items") && value.isArray()) {
            value.forEach(item -> assertMatchesSchema(item, schema.get("items")));
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            assertThat(allowed).contains(value.asText());
        }
    }
}
