package dev.vigil.sinks.elasticsearch;

import dev.vigil.sinks.elasticsearch.SearchServer.Product;
import dev.vigil.testing.ScriptedSearchServer;
import dev.vigil.testing.ScriptedSearchServer.Answer;

import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink against <b>recorded responses</b> of servers this machine cannot run, or states a real node is
 * hard to bring about: the bodies under {@code recorded/} beside this class's resources, each with its
 * source in {@code recorded/README.md} (public reference docs and published outputs of real servers, and
 * answers of the real Elasticsearch 8.19 / 9.5 nodes the integration tests start). A local HTTP server
 * serves them; what is checked is what the sink makes of them: the product and version found in
 * {@code GET /}, and per bulk answer which documents are indexed, retried or dead-lettered.
 */
class RecordedServerResponsesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "es8/root.json,          Elasticsearch, 8.12.1, 8",
        "es9/root.json,          Elasticsearch, 9.1.2,  9",
        "serverless/root.json,   Elasticsearch, 8.11.0, 8",
        "opensearch3/root.json,  OpenSearch,    3.0.0,  3",
        "opensearch2/root.json,  OpenSearch,    2.19.1, 2",
        "es7/root.json,          Elasticsearch, 7.10.2, 7"})
    void supportedServersAreNamedByProductAndVersion(String file, String product, String version, int major)
            throws Exception {
        try (ScriptedSearchServer server = new ScriptedSearchServer(recorded(file), productHeader(product, major));
                RestClient client = client(server)) {
            SearchServer found = SearchServer.ask(client, Duration.ofSeconds(10));

            assertThat(found.product().displayName()).isEqualTo(product);
            assertThat(found.version()).isEqualTo(version);
            assertThat(found.major()).isEqualTo(major);
            assertThat(found.unsupported()).isEmpty();
            assertThat(found.caveat()).isEmpty();
            assertThat(found).hasToString(product + " " + version);
        }
    }

    @Test
    void elasticsearchBefore710IsRefusedWithTheReason() throws Exception {
        SearchServer old = SearchServer.parse(recorded("es7/root-7.2.0.json"), (String) null);

        assertThat(old.product()).isEqualTo(Product.ELASTICSEARCH);
        assertThat(old.unsupported()).get().asString().startsWith("Vigil needs Elasticsearch 7.10 or later");
    }

    @Test
    void anElasticsearch8WithoutItsProductHeaderIsUsedWithAWarning() throws Exception {
        SearchServer proxied = SearchServer.parse(recorded("es8/root.json"), (String) null);

        assertThat(proxied.unsupported()).isEmpty();
        assertThat(proxied.caveat()).get().asString().contains("sent no 'X-Elastic-Product: Elasticsearch' header");
    }

    @Test
    void aMappingConflictOfElasticsearch8IsADeadLetterWithItsReasonAndCause() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(200, recorded("es8/bulk-item-400.json")),
                        new Answer(200, recorded("es8/bulk-item-201.json")))) {
            flush(server, "ok", "bad");

            assertThat(server.bulks()).hasSize(2);
            assertThat(server.bulks().get(1))
                    .contains("\"_index\":\"rec-deadletter\"", "\"error_type\":\"document_parsing_exception\"",
                            "\"status\":400", "failed to parse field [sequence] of type [long]",
                            "caused by illegal_argument_exception");
        }
    }

    @Test
    void theFilteredAnswerOfElasticsearch9IsReadAsTheFullOne() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(200, recorded("es9/bulk-item-400-filtered.json")),
                        new Answer(200, recorded("es9/bulk-item-201.json")))) {
            flush(server, "bad");

            assertThat(server.bulks()).hasSize(2);
            assertThat(server.bulks().get(1)).contains("\"_id\":\"rec-events-1970.01.01:bad\"",
                    "\"error_type\":\"document_parsing_exception\"");
        }
    }

    @Test
    void aBulkRefusedForItsSizeWithNoBodyIsSentAgainDocumentByDocument() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(413, recorded("es8/bulk-413.txt")),
                        new Answer(200, recorded("es8/bulk-item-201.json")),
                        new Answer(413, recorded("es8/bulk-413.txt")),
                        new Answer(200, recorded("es8/bulk-item-201.json")))) {
            flush(server, "ok", "huge");

            assertThat(server.bulks()).hasSize(4);
            assertThat(server.bulks().get(1)).contains("\"_id\":\"ok\"").doesNotContain("\"_id\":\"huge\"");
            assertThat(server.bulks().get(3)).contains("\"_index\":\"rec-deadletter\"", "\"status\":413",
                    "\"error_type\":\"http_413\"");
        }
    }

    @Test
    void aMalformedBulkRefusedAsAWholeIsTriedDocumentByDocument() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(400, recorded("es8/bulk-400.json")),
                        new Answer(200, recorded("es8/bulk-item-201.json")))) {
            flush(server, "alone");

            assertThat(server.bulks().get(1)).contains("\"_index\":\"rec-deadletter\"", "\"status\":400",
                    "\"error_type\":\"illegal_argument_exception\"", "Malformed action/metadata line");
        }
    }

    @Test
    void rejectionsForLoadAreRetriedUntilTakenOnEveryServer() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(429, recorded("es8/bulk-429.json")),
                        new Answer(200, recorded("es8/bulk-item-429.json")),
                        new Answer(429, recorded("opensearch2/bulk-429.json")),
                        new Answer(200, recorded("es8/bulk-item-201.json")))) {
            flush(server, "busy");

            assertThat(server.bulks()).hasSize(4).allMatch(body -> body.contains("\"_id\":\"busy\""))
                    .noneMatch(body -> body.contains("deadletter"));
        }
    }

    @Test
    void theBulkAsksForTheFieldsItReadsOnly() throws Exception {
        try (ScriptedSearchServer server = elasticsearch8()
                .thenBulk(new Answer(200, recorded("es9/bulk-item-201.json")))) {
            flush(server, "one");

            assertThat(server.requests()).contains("POST /_bulk?filter_path=errors%2Citems.*.status%2Citems.*.error");
        }
    }

    /** Sends documents {@code ids} (one per record) through a writer and flushes, as a checkpoint does. */
    private static void flush(ScriptedSearchServer server, String... ids) throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.builder()
                .host(server.url()).indexPrefix("rec").installTemplates(false).flushInterval(Duration.ZERO)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        try (ElasticsearchIndexWriter<String> writer = new ElasticsearchIndexWriter<>(settings,
                Set.of(IndexFamily.EVENTS), (String id) -> new Document("rec-events-1970.01.01", id,
                        "{\"event_id\": \"" + id + "\", \"sequence\": 1}"),
                null, UnregisteredMetricsGroup.createSinkWriterMetricGroup())) {
            for (String id : ids) {
                writer.write(id, null);
            }
            writer.flush(false);
        }
    }

    private static ScriptedSearchServer elasticsearch8() {
        return new ScriptedSearchServer(recorded("es8/root.json"), Map.of("X-Elastic-Product", "Elasticsearch"));
    }

    private static Map<String, String> productHeader(String product, int major) {
        return product.equals("Elasticsearch") && major >= 8 ? Map.of("X-Elastic-Product", "Elasticsearch")
                : Map.of();
    }

    private static RestClient client(ScriptedSearchServer server) {
        return ElasticsearchSettings.builder().host(server.url()).build().createClient();
    }

    /** A recorded body from {@code recorded/<file>}. */
    static String recorded(String file) {
        try (InputStream in = RecordedServerResponsesTest.class.getResourceAsStream("recorded/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no recorded response " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyRecordedBodyIsNamedInTheReadme() {
        String readme = recorded("README.md");
        for (String file : List.of("es8/root.json", "es9/root.json", "serverless/root.json", "opensearch3/root.json",
                "opensearch2/root.json", "es7/root.json", "es7/root-7.2.0.json", "es8/bulk-item-400.json",
                "es8/bulk-item-201.json", "es8/bulk-413.txt", "es8/bulk-400.json", "es8/bulk-429.json",
                "es8/bulk-item-429.json", "opensearch2/bulk-429.json", "es9/bulk-item-201.json", "es9/bulk-item-400-filtered.json",
                "es8/template-put.json")) {
            assertThat(readme).as("README names " + file).contains(file);
        }
    }
}
