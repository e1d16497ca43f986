package dev.vigil.sinks.elasticsearch;

import dev.vigil.sources.serialization.GenericTypes;
import dev.vigil.testing.services.ElasticsearchNode;
import dev.vigil.testing.services.ElasticsearchNode.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Documents a real server refuses for good (here: text in a {@code long} field of the events mapping)
 * go to the dead-letter index with the reason, and the job carries on with the rest: on every server
 * kind, one node at a time.
 */
class ElasticsearchIndexSinkIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void documentsThatViolateTheMappingBecomeDeadLettersAndTheJobGoesOn(Kind kind) throws Exception {
        assumeTrue(kind.java().isPresent(), kind + " needs a newer Java than this machine has");
        try (ElasticsearchNode node = ElasticsearchNode.start(kind, "sink-it-" + kind.name().toLowerCase(Locale.ROOT))) {
            deadLetters(node, kind);
        }
    }

    private static void deadLetters(ElasticsearchNode node, Kind kind) throws Exception {
        String longMessage = "x".repeat(500);
        List<String> records = List.of(
                "ok-1|{\"@timestamp\": 1000, \"event_id\": \"ok-1\", \"type\": \"line_crossed\", \"sequence\": 1}",
                "bad|{\"@timestamp\": 2000, \"event_id\": \"bad\", \"type\": \"line_crossed\", \"sequence\": \"not-a-number\"}",
                "ok-2|{\"@timestamp\": 3000, \"event_id\": \"ok-2\", \"type\": \"line_crossed\", \"sequence\": 3}",
                "bad-long|{\"@timestamp\": 4000, \"event_id\": \"bad-long\", \"sequence\": \"x\", \"message\": \""
                        + longMessage + "\"}");
        ElasticsearchSettings settings = ElasticsearchSettings.builder()
                .host(node.baseUrl())
                .indexPrefix("dl")
                .replicas(0)
                .deadLetterMaxChars(200)
                .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        GenericTypes.forbid(env);
        env.fromData(records)
                .sinkTo(ElasticsearchIndexSink.of(settings, IndexFamily.EVENTS, ElasticsearchIndexSinkIT::event))
                .name("events");

        env.execute("dead letters");

        node.refresh();
        assertThat(node.count("dl-events-*")).isEqualTo(2);
        assertThat(node.count("dl-deadletter")).isEqualTo(2);
        Map<String, JsonNode> letters = new HashMap<>();
        node.search("dl-deadletter", "{\"query\": {\"match_all\": {}}}").at("/hits/hits")
                .forEach(hit -> letters.put(hit.get("_id").asText(), hit.get("_source")));
        String index = IndexFamily.EVENTS.indexName("dl", 0);
        assertThat(letters).containsOnlyKeys(index + ":bad", index + ":bad-long");
        JsonNode bad = letters.get(index + ":bad");
        assertThat(bad.get("target_index").asText()).isEqualTo(index);
        assertThat(bad.get("document_id").asText()).isEqualTo("bad");
        assertThat(bad.get("status").asInt()).isEqualTo(400);
        // Elasticsearch 8 renamed the error; the status is the same everywhere.
        assertThat(bad.get("error_type").asText()).isEqualTo(kind == Kind.ELASTICSEARCH_8 || kind == Kind.ELASTICSEARCH_9
                ? "document_parsing_exception" : "mapper_parsing_exception");
        assertThat(bad.get("reason").asText()).contains("sequence", "not-a-number");
        assertThat(bad.get("document").asText()).contains("not-a-number");
        assertThat(bad.get("truncated").asBoolean()).isFalse();
        JsonNode tooLong = letters.get(index + ":bad-long");
        assertThat(tooLong.get("truncated").asBoolean()).isTrue();
        assertThat(tooLong.get("document").asText()).hasSize(200);
        assertThat(tooLong.get("document_chars").asInt()).isGreaterThan(500);
    }

    /** {@code id|json} as an event document of day 0. */
    private static Document event(String record) {
        int bar = record.indexOf('|');
        return new Document(IndexFamily.EVENTS.indexName("dl", 0), record.substring(0, bar), record.substring(bar + 1));
    }
}
