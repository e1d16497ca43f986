package dev.vigil.job.elasticsearch;

import dev.vigil.job.VigilJob;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.IndexFamily;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchOutputsTest {

    /** A config with an input, as every valid config has. */
    private static VigilConfig config(String yaml, Map<String, String> overrides) {
        return VigilConfig.parse("t.yaml", "input: {paths: [a.mp4]}\n" + yaml, overrides);
    }

    @Test
    void theShippedConfigIndexesEveryStreamOfTheJob() {
        VigilConfig config = VigilConfig.load(Path.of("conf/elasticsearch.yaml"), Map.of());
        List<String> problems = new ArrayList<>();

        Optional<ElasticsearchOutputs> outputs = ElasticsearchOutputs.fromConfig(config, problems);

        assertThat(problems).isEmpty();
        assertThat(outputs).get().extracting(ElasticsearchOutputs::streams).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(IndexFamily.class))
                .containsExactlyInAnyOrder(IndexFamily.DETECTIONS, IndexFamily.TRACKS, IndexFamily.EVENTS,
                        IndexFamily.AGGREGATES);
        ElasticsearchSettings settings = outputs.get().settings();
        assertThat(settings.hosts()).containsExactly("http://localhost:9200");
        assertThat(settings.replicas()).isZero();
    }

    @Test
    void withoutHostsThereIsNoElasticsearchOutput() {
        List<String> problems = new ArrayList<>();

        assertThat(ElasticsearchOutputs.fromConfig(config("", Map.of()), problems)).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void streamsTheJobDoesNotHaveAreRefusedWithTheirKey() {
        VigilConfig config = config("tracking: {enabled: false}", Map.of(
                "elasticsearch.hosts", "http://localhost:9200",
                "elasticsearch.streams", "detections,tracks,events,alerts"));
        List<String> problems = new ArrayList<>();

        ElasticsearchOutputs.fromConfig(config, problems);

        assertThat(problems).containsExactly(
                "elasticsearch.streams: the job has no tracks stream (set tracking.enabled: true)",
                "elasticsearch.streams: the job has no events stream (configure analytics)",
                "elasticsearch.streams: unknown stream 'alerts'; expected detections, tracks, events or aggregates");
    }

    @Test
    void liveSettingsFromAControlTopicAloneGiveTheJobEventsAndAggregates() {
        VigilConfig config = config("", Map.of(
                "kafka.bootstrap-servers", "localhost:9092",
                "kafka.control-topic", "vigil-control",
                "elasticsearch.hosts", "http://localhost:9200",
                "elasticsearch.streams", "events,aggregates"));
        List<String> problems = new ArrayList<>();

        Optional<ElasticsearchOutputs> outputs = ElasticsearchOutputs.fromConfig(config, problems);

        assertThat(problems).isEmpty();
        assertThat(outputs).get().extracting(ElasticsearchOutputs::streams).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(IndexFamily.class))
                .containsExactlyInAnyOrder(IndexFamily.EVENTS, IndexFamily.AGGREGATES);
    }

    @Test
    void secretsStayOutOfProblemsAndConfigDumps() {
        VigilConfig config = config("", Map.of(
                "elasticsearch.hosts", "http://localhost:9200",
                "elasticsearch.password", "hunter2-pass",
                "elasticsearch.api-key", "c2VjcmV0LWtleQ==",
                "elasticsearch.truststore-password", "x9-trust-secret"));
        List<String> problems = new ArrayList<>();

        ElasticsearchOutputs.fromConfig(config, problems);

        assertThat(String.join("\n", problems))
                .contains("elasticsearch: ", "username and password go together",
                        "truststore-password: given without a truststore-path")
                .doesNotContain("hunter2-pass", "c2VjcmV0LWtleQ==", "x9-trust-secret");
        assertThat(config.asMap().toString())
                .contains("http://localhost:9200")
                .doesNotContain("hunter2-pass", "c2VjcmV0LWtleQ==", "x9-trust-secret");
        assertThat(config.asMap().get(ElasticsearchOptions.PASSWORD.key())).isEqualTo("******");
    }

    @Test
    void aBrokenElasticsearchSectionStopsTheJobOnTheClient() {
        VigilConfig config = VigilConfig.load(Path.of("conf/elasticsearch.yaml"), Map.of(
                "elasticsearch.hosts", "localhost:9200",
                "elasticsearch.username", "vigil",
                "elasticsearch.password", "hunter2-pass"));

        assertThatThrownBy(() -> VigilJob.fromConfig(config, "conf/elasticsearch.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'localhost:9200' is not an http:// or https:// URL")
                .message().doesNotContain("hunter2-pass");
    }
}
