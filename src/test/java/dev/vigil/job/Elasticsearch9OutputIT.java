package dev.vigil.job;

import dev.vigil.testing.services.ElasticsearchNode.Kind;

/** The Elasticsearch output's tests ({@link SearchOutputContract}) against a real Elasticsearch 9.5 (skipped where no Java 21+ is installed) node. */
class Elasticsearch9OutputIT extends SearchOutputContract {

    @Override
    Kind kind() {
        return Kind.ELASTICSEARCH_9;
    }
}
