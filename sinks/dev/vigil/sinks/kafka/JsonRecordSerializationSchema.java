package dev.vigil.sinks.kafka;

import dev.vigil.sinks.JsonLineEncoder;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes records to one Kafka topic as JSON (the same documents as the JSON Lines files, one per
 * record value, UTF-8), keyed by camera id (records about no single camera have no key) so that a camera's results stay in one partition and in order.
 */
public final class JsonRecordSerializationSchema<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final JsonLineEncoder<T> encoder;
    private final SerializableFunction<T, String> cameraId;

    public JsonRecordSerializationSchema(String topic, JsonLineEncoder<T> encoder, SerializableFunction<T, String> cameraId) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a topic is required");
        }
        this.topic = topic;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
    }

    /**
     * The record carries no timestamp of its own, so the producer stamps it with the time it is written.
     * Its event time (a video file's presentation time counts from 0, that is from 1970) stays in the
     * document: as the record's Kafka timestamp it made the broker's time-based retention delete whole
     * segments of results the moment they rolled.
     */
    @Override
    public ProducerRecord<byte[], byte[]> serialize(T record, KafkaSinkContext context, Long eventTimestamp) {
        String camera = cameraId.apply(record);
        // Records about no single camera (a settings change) have no key and go to any partition.
        return new ProducerRecord<>(topic, null, null, camera == null ? null : camera.getBytes(StandardCharsets.UTF_8),
                encoder.encode(record).getBytes(StandardCharsets.UTF_8));
    }

}
