package dev.vigil.job.kafka;

import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How the job's Kafka sinks deliver: the guarantee, and for exactly-once the transactional id prefix
 * and transaction timeout. With exactly-once each sink writes inside a Kafka transaction committed when
 * a checkpoint completes, so {@code read_committed} consumers see each record once, after a failure and
 * restore too, at the cost of seeing it only once the checkpoint is done; {@code read_uncommitted}
 * consumers may see records of aborted transactions.
 */
public record KafkaDelivery(DeliveryGuarantee guarantee, String transactionalIdPrefix, Duration transactionTimeout) {

    /** The delivery the config describes, with problems added to {@code problems}. */
    public static KafkaDelivery fromConfig(VigilConfig config, List<String> problems) {
        boolean checkpointing = !config.get(VigilOptions.JOB_CHECKPOINT_INTERVAL).isZero();
        String given = config.get(KafkaOptions.DELIVERY_GUARANTEE);
        DeliveryGuarantee guarantee = given == null
                ? (checkpointing ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                : DeliveryGuarantee.valueOf(given.replace('-', '_').toUpperCase(Locale.ROOT));
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && !checkpointing) {
            problems.add(KafkaOptions.DELIVERY_GUARANTEE.key() + ": exactly-once commits on checkpoints; set "
                    + VigilOptions.JOB_CHECKPOINT_INTERVAL.key() + " above 0 or choose at-least-once");
        }
        Duration timeout = config.get(KafkaOptions.TRANSACTION_TIMEOUT);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE
                && timeout.compareTo(config.get(VigilOptions.JOB_CHECKPOINT_INTERVAL)) <= 0) {
            problems.add(KafkaOptions.TRANSACTION_TIMEOUT.key() + ": must be longer than "
                    + VigilOptions.JOB_CHECKPOINT_INTERVAL.key() + ", or transactions time out before they commit");
        }
        String prefix = config.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX);
        return new KafkaDelivery(guarantee, prefix == null ? config.get(VigilOptions.JOB_NAME) : prefix, timeout);
    }

    /** A sink with this delivery; {@code name} tells its transactional ids apart from the job's other sinks'. */
    public <T> KafkaSink<T> sink(KafkaConnection connection, KafkaRecordSerializationSchema<T> schema, String name) {
        Properties producer = connection.clientProperties();
        // KafkaSink's own default (1 h) exceeds the brokers' default maximum of 15 min.
        producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(transactionTimeout.toMillis()));
        producer.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        return KafkaSink.<T>builder()
                .setBootstrapServers(connection.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + name)
                .build();
    }
}
