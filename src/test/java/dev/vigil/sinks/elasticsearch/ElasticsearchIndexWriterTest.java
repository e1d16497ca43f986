package dev.vigil.sinks.elasticsearch;

import dev.vigil.testing.LogCapture;
import dev.vigil.testing.ScriptedSearchServer;
import dev.vigil.testing.ScriptedSearchServer.Answer;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's retry and dead-letter decisions against a scripted stand-in for Elasticsearch's bulk
 * endpoint (each answer given once, in order), so every kind of failure can be produced on demand.
 */
class ElasticsearchIndexWriterTest {

    private static final String ROOT = "{\"name\": \"n\", \"version\": {\"number\": \"7.10.2\"}, "
            + "\"tagline\": \"You Know, for Search\"}";

    private final ScriptedSearchServer server = new ScriptedSearchServer(ROOT, Map.of());
    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void flushReturnsOnlyOnceEverythingIsIndexedOrDeadLettered() throws Exception {
        server.thenBulk(new Answer(503, "{\"error\": {\"type\": \"unavailable_shards_exception\", \"reason\": \"restarting\"},"
                + " \"status\": 503}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": true, \"items\": ["
                + ok("a") + ", "
                + failed("b", 429, "es_rejected_execution_exception", "queue full") + ", "
                + failed("c", 400, "mapper_parsing_exception", "failed to parse field [sequence]") + "]}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": false, \"items\": [" + ok("b") + "]}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": false, \"items\": [" + ok("x-events-1970.01.01:c")
                + "]}"));

        try (ElasticsearchIndexWriter<String> writer = writer()) {
            for (String id : List.of("a", "b", "c")) {
                writer.write(id, null);
            }
            assertThat(server.bulks()).as("nothing is sent before the flush").isEmpty();

            writer.flush(false);
        }

        assertThat(server.bulks()).hasSize(4);
        assertThat(server.bulks().get(0)).contains("\"_id\":\"a\"", "\"_id\":\"b\"", "\"_id\":\"c\"");
        assertThat(server.bulks().get(1)).isEqualTo(server.bulks().get(0));
        assertThat(server.bulks().get(2)).contains("\"_id\":\"b\"").doesNotContain("\"_id\":\"a\"", "\"_id\":\"c\"");
        assertThat(server.bulks().get(3))
                .contains("\"_index\":\"x-deadletter\"", "\"_id\":\"x-events-1970.01.01:c\"",
                        "\"error_type\":\"mapper_parsing_exception\"", "\"status\":400")
                .contains("failed to parse field [sequence]");
    }

    @Test
    void aBulkRefusedAsAWholeIsSentDocumentByDocumentSoOnlyTheCulpritIsDeadLettered() throws Exception {
        server.thenBulk(new Answer(413, "{\"error\": {\"type\": \"content_too_long\", \"reason\": \"too large\"}, \"status\": 413}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": false, \"items\": [" + ok("a") + "]}"));
        server.thenBulk(new Answer(413, "{\"error\": {\"type\": \"content_too_long\", \"reason\": \"too large\"}, \"status\": 413}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": false, \"items\": [" + ok("x-events-1970.01.01:b")
                + "]}"));

        try (ElasticsearchIndexWriter<String> writer = writer()) {
            writer.write("a", null);
            writer.write("b", null);
            writer.flush(true);
        }

        assertThat(server.bulks()).hasSize(4);
        assertThat(server.bulks().get(3)).contains("\"_index\":\"x-deadletter\"", "\"status\":413");
    }

    @Test
    void aRetryWarningNamesTheHostItWaitsFor() throws Exception {
        server.thenBulk(new Answer(503, "{\"error\": {\"type\": \"cluster_block_exception\", \"reason\": \"blocked\"},"
                + " \"status\": 503}"));
        server.thenBulk(new Answer(200, "{\"took\": 1, \"errors\": false, \"items\": [" + ok("a") + "]}"));

        try (LogCapture log = new LogCapture(); ElasticsearchIndexWriter<String> writer = writer()) {
            writer.write("a", null);
            writer.flush(false);

            assertThat(log.text()).contains("1 documents not indexed yet in Elasticsearch at " + server.url() + " (503");
        }
    }

    private ElasticsearchIndexWriter<String> writer() {
        ElasticsearchSettings settings = ElasticsearchSettings.builder()
                .host(server.url())
                .indexPrefix("x")
                .installTemplates(false)
                .flushInterval(Duration.ZERO)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .build();
        return new ElasticsearchIndexWriter<>(settings, java.util.Set.of(IndexFamily.EVENTS),
                (String id) -> new Document("x-events-1970.01.01", id, "{\"event_id\": \"" + id + "\"}"),
                null, UnregisteredMetricsGroup.createSinkWriterMetricGroup());
    }

    private static String ok(String id) {
        return "{\"index\": {\"_index\": \"x\", \"_type\": \"_doc\", \"_id\": \"" + id + "\", \"_version\": 1, "
                + "\"result\": \"created\", \"_shards\": {\"total\": 1, \"successful\": 1, \"failed\": 0}, "
                + "\"_seq_no\": 0, \"_primary_term\": 1, \"status\": 201}}";
    }

    private static String failed(String id, int status, String type, String reason) {
        return "{\"index\": {\"_index\": \"x\", \"_type\": \"_doc\", \"_id\": \"" + id + "\", \"status\": " + status
                + ", \"error\": {\"type\": \"" + type + "\", \"reason\": \"" + reason + "\"}}}";
    }
}
