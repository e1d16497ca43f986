package dev.vigil.job.elasticsearch;

import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.testing.ScriptedSearchServer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check before the job starts refuses, in one line naming {@code elasticsearch.hosts}, a server the
 * sink does not support (a recorded Elasticsearch 7.2 answer) and one that is no search server at all.
 */
class ElasticsearchReachabilityTest {

    @Test
    void anElasticsearchOlderThan710IsRefusedNamingTheServerAndWhy() throws Exception {
        try (ScriptedSearchServer old = new ScriptedSearchServer(recorded("es7/root-7.2.0.json"), Map.of())) {
            Optional<String> problem = check(old);

            assertThat(problem).hasValue("elasticsearch.hosts: " + old.url() + " is Elasticsearch 7.2.0; Vigil needs "
                    + "Elasticsearch 7.10 or later (composable index templates, typeless bulk requests) or OpenSearch 2 "
                    + "or later");
        }
    }

    @Test
    void somethingElseAnsweringIsRefusedAsNoSearchServer() {
        try (ScriptedSearchServer web = new ScriptedSearchServer("<html><body>It works!</body></html>", Map.of())) {
            Optional<String> problem = check(web);

            assertThat(problem).get().asString().startsWith("elasticsearch.hosts: " + web.url() + " answered, but the "
                    + "answer to GET / is not JSON, so this is neither Elasticsearch nor OpenSearch: <html>");
        }
    }

    @Test
    void supportedServersPass() throws Exception {
        try (ScriptedSearchServer opensearch = new ScriptedSearchServer(recorded("opensearch3/root.json"), Map.of())) {
            assertThat(check(opensearch)).isEmpty();
        }
    }

    private static Optional<String> check(ScriptedSearchServer server) {
        return ElasticsearchReachability.problem(ElasticsearchSettings.builder().host(server.url()).build(),
                Duration.ofSeconds(10));
    }

    private static String recorded(String file) throws IOException {
        try (InputStream in = ElasticsearchReachabilityTest.class.getResourceAsStream(
                "/dev/vigil/sinks/elasticsearch/recorded/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
