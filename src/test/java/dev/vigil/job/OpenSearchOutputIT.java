package dev.vigil.job;

import dev.vigil.testing.services.ElasticsearchNode.Kind;

/** The Elasticsearch output's tests ({@link SearchOutputContract}) against a real OpenSearch 2.19.1 node. */
class OpenSearchOutputIT extends SearchOutputContract {

    @Override
    Kind kind() {
        return Kind.OPENSEARCH_2;
    }
}
