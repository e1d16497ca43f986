package dev.vigil.job;

import dev.vigil.testing.services.ElasticsearchNode.Kind;

/** The Elasticsearch output's tests ({@link SearchOutputContract}) against a real Elasticsearch 8.19 node. */
class Elasticsearch8OutputIT extends SearchOutputContract {

    @Override
    Kind kind() {
        return Kind.ELASTICSEARCH_8;
    }
}
