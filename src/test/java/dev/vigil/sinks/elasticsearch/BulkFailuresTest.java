package dev.vigil.sinks.elasticsearch;

import dev.vigil.sinks.elasticsearch.BulkFailures.Kind;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkFailuresTest {

    @Test
    void failuresThatHealByThemselvesAreRetried() {
        assertThat(BulkFailures.classify(BulkFailures.NO_RESPONSE, null)).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(429, "es_rejected_execution_exception")).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(500, null)).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(502, null)).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(503, "unavailable_shards_exception")).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(408, null)).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(403, "cluster_block_exception")).isEqualTo(Kind.TRANSIENT);
        assertThat(BulkFailures.classify(400, "opensearch_rejected_execution_exception")).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void documentsElasticsearchCannotTakeAreNotRetried() {
        assertThat(BulkFailures.classify(400, "mapper_parsing_exception")).isEqualTo(Kind.PERMANENT);
        assertThat(BulkFailures.classify(400, "document_parsing_exception")).isEqualTo(Kind.PERMANENT);
        assertThat(BulkFailures.classify(400, "illegal_argument_exception")).isEqualTo(Kind.PERMANENT);
        assertThat(BulkFailures.classify(413, null)).isEqualTo(Kind.PERMANENT);
        assertThat(BulkFailures.classify(409, "version_conflict_engine_exception")).isEqualTo(Kind.PERMANENT);
    }
}
