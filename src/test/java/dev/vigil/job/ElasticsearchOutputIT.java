package dev.vigil.job;

import dev.vigil.testing.services.ElasticsearchNode.Kind;

/** The Elasticsearch output's tests ({@link SearchOutputContract}) against a real Elasticsearch 7.10.2 node. */
class ElasticsearchOutputIT extends SearchOutputContract {

    @Override
    Kind kind() {
        return Kind.ELASTICSEARCH_7;
    }
}
