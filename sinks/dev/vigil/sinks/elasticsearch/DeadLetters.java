package dev.vigil.sinks.elasticsearch;

import dev.vigil.sinks.Json;

/**
 * Documents Elasticsearch refused for good, turned into entries of the {@code <prefix>-deadletter}
 * index: the target index and id, the HTTP status, Elasticsearch's error type and reason, and the
 * document itself as a stored, non-indexed string (cut to a maximum length, so that an oversized
 * document cannot be refused a second time for its size). The entry's id is
 * {@code target-index:document-id}, so a replay overwrites it rather than adding another.
 */
final class DeadLetters {

    private DeadLetters() {}

    static Document letter(String prefix, Document refused, int status, String errorType, String reason,
            int maxChars, long nowMillis) {
        String document = refused.json();
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
        return new Document(IndexFamily.DEADLETTER.indexName(prefix, nowMillis), refused.index() + ":" + refused.id(),
                json);
    }
}
