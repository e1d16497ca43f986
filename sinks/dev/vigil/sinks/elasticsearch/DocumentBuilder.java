package dev.vigil.sinks.elasticsearch;

import java.io.Serializable;

/** Turns one record into the document that represents it in Elasticsearch. */
@FunctionalInterface
public interface DocumentBuilder<T> extends Serializable {

    Document build(T record);
}
