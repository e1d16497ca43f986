package dev.vigil.sinks.elasticsearch;

import java.util.Objects;

/**
 * One Elasticsearch document: where it goes, its deterministic id and its JSON source.
 *
 * @param index the concrete index name
 * @param id the document's {@code _id}; the same record always gets the same id, so a replayed
 *     record overwrites its earlier copy instead of adding a second one
 * @param json the document source
 */
public record Document(String index, String id, String json) {

    public Document {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
    }
}
