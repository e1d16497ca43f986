package dev.vigil.job.kafka;

import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.operators.analytics.AnalyticsConfigUpdate;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Live analytics settings from a Kafka topic ({@code kafka.control-topic}): each record's value is the
 * YAML text of an analytics section, as in the control file, and becomes an {@link AnalyticsConfigUpdate}
 * whose source names the record ({@code kafka:topic/partition@offset}). The topic is read from its
 * earliest record, so a new job applies every update in turn and ends on the latest; records without a
 * value are skipped. Validation is the analytics operator's, as for the control file. With
 * {@code kafka.stop-at-end} the topic is read to its end at job start and the source then ends.
 */
public final class KafkaControlSource {

    private KafkaControlSource() {}

    /** The source the config asks for, or {@code null} when there is no control topic or with problems noted. */
    public static KafkaSource<AnalyticsConfigUpdate> fromConfig(VigilConfig config, List<String> problems) {
        String topic = config.get(KafkaOptions.CONTROL_TOPIC);
        if (topic == null) {
            return null;
        }
        KafkaConnection connection = KafkaConnection.fromConfig(config, KafkaOptions.CONTROL_TOPIC.key(), problems);
        if (connection == null) {
            return null;
        }
        KafkaSourceBuilder<AnalyticsConfigUpdate> builder = KafkaSource.<AnalyticsConfigUpdate>builder()
                .setBootstrapServers(connection.bootstrapServers())
                .setProperties(connection.clientProperties())
                .setTopics(topic)
                .setGroupId(config.get(KafkaOptions.GROUP_ID) + "-control")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new Updates());
        if (config.get(KafkaOptions.STOP_AT_END)) {
            // A backfill applies the updates present at start and then ends, like its frames.
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Record values as YAML updates. */
    static final class Updates implements KafkaRecordDeserializationSchema<AnalyticsConfigUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AnalyticsConfigUpdate> out) {
            if (record.value() != null && record.value().length > 0) {
                out.collect(new AnalyticsConfigUpdate(
                        "kafka:" + record.topic() + "/" + record.partition() + "@" + record.offset(),
                        new String(record.value(), StandardCharsets.UTF_8)));
            }
        }

        @Override
        public TypeInformation<AnalyticsConfigUpdate> getProducedType() {
            return TypeInformation.of(AnalyticsConfigUpdate.class);
        }
    }
}
