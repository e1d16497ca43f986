package dev.vigil.sinks.elasticsearch;

import dev.vigil.sinks.Json;

import org.elasticsearch.action.DocWriteRequest;
import org.elasticsearch.action.index.IndexRequest;
import org.elasticsearch.action.update.UpdateRequest;
import org.elasticsearch.common.bytes.BytesReference;
import org.elasticsearch.common.xcontent.XContentType;

/**
 * Documents Elasticsearch refused for good, turned into entries of the {@code <prefix>-deadletter}
 * index: the target index and id, the HTTP status, Elasticsearch's error type and reason, and the
 * document itself as a stored, non-indexed string (cut to a maximum length, so that an oversized
 * document cannot be refused a second time for its size). The entry's id is
 * {@code target-index:document-id}, so a replay overwrites it rather than adding another.
 */
final class DeadLetters {

    private DeadLetters() {}

    static IndexRequest letter(String prefix, DocWriteRequest<?> refused, int status, String errorType, String reason,
            int maxChars, long nowMillis) {
        String document = source(refused);
        boolean truncated = document.length() > maxChars;
        String json = Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("@timestamp", nowMillis);
            g.writeStringField("target_index", refused.index());
            g.writeStringField("document_id", refused.id());
            g.writeNumberField("status", status);
            g.writeStringField("error_type", errorType);
            g.writeStringField("reason", reason);
            g.writeStringField("document", truncated ? document.substring(0, maxChars) : document);
            g.writeNumberField("document_chars", document.length());
            g.writeBooleanField("truncated", truncated);
            g.writeEndObject();
        });
        return new IndexRequest(IndexFamily.DEADLETTER.indexName(prefix, nowMillis))
                .id(refused.index() + ":" + refused.id())
                .source(json, XContentType.JSON);
    }

    private static String source(DocWriteRequest<?> request) {
        BytesReference source = null;
        if (request instanceof IndexRequest index) {
            source = index.source();
        } else if (request instanceof UpdateRequest update && update.doc() != null) {
            source = update.doc().source();
        }
        return source == null ? request.toString() : source.utf8ToString();
    }
}
