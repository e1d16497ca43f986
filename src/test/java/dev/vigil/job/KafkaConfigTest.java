package dev.vigil.job;

import dev.vigil.job.kafka.KafkaConnection;
import dev.vigil.job.kafka.KafkaDelivery;
import dev.vigil.job.kafka.KafkaOutputs;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.Secrets;
import dev.vigil.job.config.VigilConfig;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kafka.* keys: checked on the client, secrets never shown. */
class KafkaConfigTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"vigil\" password=\"hunter2-jaas\";";

    private static VigilConfig parse(String... lines) {
        return VigilConfig.parse("test.yaml", String.join("\n", lines), Map.of());
    }

    private static String secureKafka() {
        return String.join("\n",
                "kafka:",
                "  bootstrap-servers: broker:9093",
                "  frames-topic: frames",
                "  detections-topic: detections",
                "  properties:",
                "    security.protocol: SASL_SSL",
                "    sasl.mechanism: PLAIN",
                "    sasl.jaas.config: '" + JAAS + "'",
                "    ssl.truststore.password: hunter2-store",
                "    ssl.key.password: hunter2-key");
    }

    @Test
    void securityPropertiesReachTheClientsButNeverAnyDump() {
        VigilConfig config = parse("input: {type: kafka}", secureKafka());
        List<String> problems = new ArrayList<>();
        KafkaConnection connection = KafkaConnection.fromConfig(config, "test", problems);
        assertThat(problems).isEmpty();
        assertThat(connection.clientProperties())
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.password", "hunter2-store")
                .containsEntry("security.protocol", "SASL_SSL");
        String shown = connection.toString() + config.asMap();
        assertThat(shown).doesNotContain("hunter2").contains("SASL_SSL", "PLAIN", Secrets.MASK);
    }

    @Test
    void problemsWithSecretPropertiesNameTheKeyButNotTheValue() {
        assertThatThrownBy(() -> VigilJob.fromConfig(parse("input: {type: kafka}",
                        "job: {checkpoint-interval: 0}",
                        "kafka:",
                        "  frames-topic: frames",
                        "  delivery-guarantee: exactly-once",
                        "  properties:",
                        "    sasl.jaas.config: [hunter2-in-a-list]",
                        "    bootstrap.servers: elsewhere:9092"), "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.bootstrap-servers: required by input.type kafka")
                .hasMessageContaining("kafka.properties.sasl.jaas.config: expected a single value")
                .hasMessageContaining("kafka.properties.bootstrap.servers: give the brokers as kafka.bootstrap-servers")
                .hasMessageContaining("kafka.delivery-guarantee: exactly-once commits on checkpoints")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aKafkaInputNeedsItsTopic() {
        assertThatThrownBy(() -> VigilJob.fromConfig(parse("input: {type: kafka}",
                        "kafka: {bootstrap-servers: 'localhost:9092'}"), "test.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.frames-topic: required for input.type kafka");
    }

    @Test
    void deliveryIsExactlyOnceWithCheckpointingAndAtLeastOnceWithout() {
        List<String> problems = new ArrayList<>();
        KafkaDelivery checkpointed = KafkaDelivery.fromConfig(parse("input: {type: kafka}", "job: {name: street, checkpoint-interval: 5s}"), problems);
        assertThat(checkpointed.guarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(checkpointed.transactionalIdPrefix()).isEqualTo("street");
        assertThat(checkpointed.transactionTimeout()).isEqualTo(KafkaOptions.TRANSACTION_TIMEOUT.defaultValue());
        KafkaDelivery unchecked = KafkaDelivery.fromConfig(parse("input: {type: kafka}", "job: {checkpoint-interval: 0}"), problems);
        assertThat(unchecked.guarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(problems).isEmpty();
        KafkaDelivery.fromConfig(parse("input: {type: kafka}", "job: {checkpoint-interval: 5m}", "kafka: {transaction-timeout: 2m}"), problems);
        assertThat(problems).singleElement().asString().startsWith("kafka.transaction-timeout: must be longer than");
    }

    @Test
    void noResultTopicMeansNoKafkaOutputs() {
        List<String> problems = new ArrayList<>();
        assertThat(KafkaOutputs.fromConfig(parse("input: {type: kafka}", "kafka: {bootstrap-servers: 'localhost:9092'}"), problems)).isNull();
        assertThat(KafkaOutputs.fromConfig(parse("input: {type: kafka}", "kafka: {counts-topic: counts}"), problems)).isNull();
        assertThat(problems).singleElement().asString().startsWith("kafka.bootstrap-servers: required by kafka.counts-topic");
    }
}
