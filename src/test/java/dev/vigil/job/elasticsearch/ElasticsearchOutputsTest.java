package dev.vigil.job.elasticsearch;

import dev.vigil.job.VigilJob;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.IndexFamily;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
                "elasticsearch.bearer-token", "eyJ-bearer-secret",
                "elasticsearch.truststore-password", "x9-trust-secret"));
        List<String> problems = new ArrayList<>();

        Optional<ElasticsearchOutputs> outputs = ElasticsearchOutputs.fromConfig(config, problems);

        assertThat(outputs).isEmpty();
        assertThat(String.join("\n", problems))
                .contains("elasticsearch: ", "username and password go together",
                        "give one kind of credentials: username/password, an API key or a bearer token",
                        "truststore-password: given without a truststore-path")
                .doesNotContain("hunter2-pass", "c2VjcmV0LWtleQ==", "x9-trust-secret", "eyJ-bearer-secret");
        assertThat(config.asMap().toString())
                .contains("http://localhost:9200")
                .doesNotContain("hunter2-pass", "c2VjcmV0LWtleQ==", "x9-trust-secret", "eyJ-bearer-secret");
        assertThat(config.asMap().get(ElasticsearchOptions.PASSWORD.key())).isEqualTo("******");
        assertThat(config.asMap().get(ElasticsearchOptions.BEARER_TOKEN.key())).isEqualTo("******");
    }

    @Test
    void securityKeysReachTheSettingsWithTheTokenMasked() throws Exception {
        Path ca = Files.writeString(Files.createTempFile("vigil-ca", ".pem"), "not read here");
        VigilConfig config = config("", Map.of(
                "elasticsearch.hosts", "https://es1:9200",
                "elasticsearch.bearer-token", "eyJ-bearer-secret",
                "elasticsearch.ca-certificate-path", ca.toString(),
                "elasticsearch.verify-hostname", "false"));
        List<String> problems = new ArrayList<>();

        ElasticsearchSettings settings = ElasticsearchOutputs.fromConfig(config, problems).orElseThrow().settings();

        assertThat(problems).isEmpty();
        assertThat(settings.caCertificatePath()).isEqualTo(ca.toString());
        assertThat(settings.verifyHostname()).isFalse();
        assertThat(settings.toString()).contains("bearerToken=******", ca.toString())
                .doesNotContain("eyJ-bearer-secret");
        assertThat(ElasticsearchOptions.VERIFY_HOSTNAME.defaultValue()).isTrue();
    }

    @Test
    void anUnreadableCaFileIsNamedByItsKeyBeforeAnythingIsAsked() throws Exception {
        Path notPem = Files.writeString(Files.createTempFile("vigil-ca", ".pem"), "not a certificate");

        Optional<String> missing = ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host("https://127.0.0.1:9").caCertificate("/no/such/ca.pem").build(), Duration.ofSeconds(1));
        Optional<String> garbled = ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host("https://127.0.0.1:9").caCertificate(notPem.toString()).build(), Duration.ofSeconds(1));

        assertThat(missing).get().asString()
                .startsWith("elasticsearch.ca-certificate-path: cannot read the CA certificate file /no/such/ca.pem");
        assertThat(garbled).get().asString().startsWith("elasticsearch.ca-certificate-path: ")
                .contains(notPem.toString());
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
