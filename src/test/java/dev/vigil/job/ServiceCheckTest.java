package dev.vigil.job;

import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.ValueType;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the check of the services a job needs fits the client-side config checks, without a network: the
 * check is handed in, its lines join the config's problems, and it is asked only about a config that is
 * otherwise fine. (The real check against closed ports is {@code UnreachableServicesIT}.)
 */
class ServiceCheckTest {

    @TempDir
    Path out;

    private VigilConfig kafkaJob(String... extra) {
        List<String> yaml = new ArrayList<>(List.of(
                "input: {type: kafka}",
                "model: {name: nanodet-plus-m-320, mirror: '" + TestData.modelMirror().toAbsolutePath() + "'}",
                "tracking: {enabled: false}",
                "output: {path: '" + out.resolve("d.jsonl") + "', rejects-path: '" + out.resolve("r.jsonl") + "'}"));
        yaml.addAll(List.of(extra));
        return VigilConfig.parse("kafka.yaml", String.join("\n", yaml), Map.of());
    }

    @Test
    void anUnansweredServiceIsAConfigProblemNamingItsKey() {
        VigilConfig config = kafkaJob("kafka: {bootstrap-servers: 'broker:9092', frames-topic: frames}");
        List<FrameInput> checkedInputs = new ArrayList<>();

        assertThatThrownBy(() -> VigilJob.fromConfig(config, "kafka.yaml", (checked, input, problems) -> {
            checkedInputs.add(input);
            problems.add("kafka.bootstrap-servers: no broker answered at broker:9092 within 10 s");
        }))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("kafka.bootstrap-servers: no broker answered at broker:9092 within 10 s"));
        assertThat(checkedInputs).singleElement().isInstanceOf(KafkaFrameInput.class);
    }

    @Test
    void aConfigWithOtherProblemsIsNotKeptWaitingForServices() {
        VigilConfig config = kafkaJob("kafka: {bootstrap-servers: 'broker:9092'}");
        List<String> asked = new ArrayList<>();

        assertThatThrownBy(() -> VigilJob.fromConfig(config, "kafka.yaml", (checked, input, problems) -> asked.add("asked")))
                .hasMessageContaining("kafka.frames-topic: required");
        assertThat(asked).isEmpty();
    }

    @Test
    void aJobWhoseServicesAnswerIsBuilt() {
        VigilConfig config = kafkaJob("kafka: {bootstrap-servers: 'broker:9092', frames-topic: frames}");

        assertThat(VigilJob.fromConfig(config, "kafka.yaml", ServiceCheck.NONE).name()).isEqualTo("vigil");
    }

    @Test
    void timeoutsDefaultToTenSecondsAndMustBePositive() {
        assertThat(KafkaOptions.CONNECT_TIMEOUT.defaultValue()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ElasticsearchOptions.CONNECT_TIMEOUT.defaultValue()).isEqualTo(Duration.ofSeconds(10));
        assertThat(VigilOptions.all()).contains(KafkaOptions.CONNECT_TIMEOUT, ElasticsearchOptions.CONNECT_TIMEOUT);
        assertThat(kafkaJob("kafka: {connect-timeout: 1500ms}").get(KafkaOptions.CONNECT_TIMEOUT))
                .isEqualTo(Duration.ofMillis(1500));

        assertThatThrownBy(() -> kafkaJob("kafka: {connect-timeout: 0}", "elasticsearch: {connect-timeout: soon}"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "kafka.connect-timeout: expected a positive duration like 500ms, 10s or 2m, got 0",
                        "elasticsearch.connect-timeout: expected a positive duration like 500ms, 10s or 2m, got 'soon'"));
    }

    @Test
    void messagesWriteTimeoutsAsTheyAreConfigured() {
        assertThat(ValueType.text(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(ValueType.text(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
