package dev.vigil.sinks.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _bulk} API as Elasticsearch 7.10+, 8, 9 and OpenSearch 2/3 all speak it: a request of
 * NDJSON lines ({@code {"index":{"_index":...,"_id":...}}} then the document), without a mapping type,
 * and an answer listing one item per document, in order, with its HTTP status and, when it failed,
 * the server's error type and reason. Only the fields every server sends are read (OpenSearch and
 * Elasticsearch 8+ leave out {@code _type}; error types differ by version, e.g.
 * {@code mapper_parsing_exception} in 7.x and OpenSearch, {@code document_parsing_exception} in 8.x).
 */
final class BulkProtocol {

    /** The {@code filter_path} asking the server to leave out of its answer what the writer does not read. */
    static final String FILTER_PATH = "errors,items.*.status,items.*.error";

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);
    private static final byte NEWLINE = '\n';

    private BulkProtocol() {}

    /** One document's outcome: its status, and for a failure the error's type and reason. */
    record Item(int status, String errorType, String reason) {

        boolean failed() {
            return status >= 300 || errorType != null;
        }
    }

    /** The request body indexing {@code documents} (each replacing any document of the same id). */
    static byte[] body(List<Document> documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(documents.size() * 512);
        try {
            for (Document document : documents) {
                try (JsonGenerator action = JSON.createGenerator(out)) {
                    action.writeStartObject();
                    action.writeObjectFieldStart("index");
                    action.writeStringField("_index", document.index());
                    action.writeStringField("_id", document.id());
                    action.writeEndObject();
                    action.writeEndObject();
                }
                out.write(NEWLINE);
                out.write(oneLine(document.json()).getBytes(StandardCharsets.UTF_8));
                out.write(NEWLINE);
            }
        } catch (IOException e) {
            // A byte array stream does not fail.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The document on one line, as NDJSON needs: Vigil's documents already are (written without pretty
     * printing); one with line breaks, which JSON allows only between tokens, is written again compactly.
     */
    private static String oneLine(String json) throws IOException {
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        return MAPPER.writeValueAsString(MAPPER.readTree(json));
    }

    /**
     * The items of a bulk answer, in the order of the request's documents.
     *
     * @throws IOException when the answer is not a bulk answer, or lists another number of items than
     *     {@code expected} (a proxy's answer, a truncated body): the batch is then sent again
     */
    static List<Item> items(InputStream answer, int expected) throws IOException {
        JsonNode root = MAPPER.readTree(answer);
        if (root == null || !root.isObject()) {
            throw new IOException("the bulk answer is not a JSON object");
        }
        JsonNode items = root.path("items");
        if (!items.isArray() && expected > 0 && !root.path("errors").asBoolean(true)) {
            // With filter_path and nothing to keep, a server may leave items out when every one succeeded.
            return successes(expected);
        }
        if (items.size() != expected) {
            throw new IOException("the bulk answer lists " + items.size() + " items for " + expected + " documents");
        }
        List<Item> result = new ArrayList<>(expected);
        for (JsonNode wrapper : items) {
            // {"index": {...}}: one field named after the action.
            JsonNode item = wrapper.elements().hasNext() ? wrapper.elements().next() : wrapper;
            int status = item.path("status").asInt(0);
            JsonNode error = item.get("error");
            if (error == null || error.isNull()) {
                result.add(new Item(status, null, null));
            } else {
                result.add(new Item(status, errorType(error), reason(error)));
            }
        }
        return result;
    }

    /**
     * The error type and reason of an answer refused as a whole ({@code {"error": {...}, "status": 413}}),
     * as {@code type: reason}; the body itself, shortened, when it is not such an answer (a proxy's page).
     */
    static Item requestError(int status, String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                return new Item(status, errorType(error), reason(error));
            }
            if (error != null && error.isTextual()) {
                return new Item(status, null, error.asText());
            }
        } catch (IOException notJson) {
            // fall through to the body itself
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return new Item(status, null, text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }

    private static String errorType(JsonNode error) {
        return error.isObject() ? error.path("type").asText(null) : null;
    }

    /** The error's reason, with the reason of its cause where there is one (the unparsable value, say). */
    private static String reason(JsonNode error) {
        if (!error.isObject()) {
            return error.asText();
        }
        String reason = error.path("reason").asText("");
        JsonNode cause = error.get("caused_by");
        if (cause != null && cause.isObject()) {
            reason += " (caused by " + cause.path("type").asText("") + ": " + cause.path("reason").asText("") + ")";
        }
        return reason;
    }

    private static List<Item> successes(int count) {
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new Item(200, null, null));
        }
        return items;
    }
}
