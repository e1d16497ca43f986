package dev.vigil.sinks.elasticsearch;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.elasticsearch.sink.ElasticsearchEmitter;
import org.apache.flink.connector.elasticsearch.sink.RequestIndexer;
import org.elasticsearch.action.index.IndexRequest;
import org.elasticsearch.common.xcontent.XContentType;

import java.util.Objects;

/** The connector's emitter for records with a {@link DocumentBuilder}: one index request per record, with its id. */
public final class DocumentEmitter<T> implements ElasticsearchEmitter<T> {

    private static final long serialVersionUID = 1L;

    private final DocumentBuilder<T> builder;

    public DocumentEmitter(DocumentBuilder<T> builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void emit(T record, SinkWriter.Context context, RequestIndexer indexer) {
        Document document = builder.build(record);
        indexer.add(new IndexRequest(document.index()).id(document.id()).source(document.json(), XContentType.JSON));
    }
}
