package dev.vigil.sources.kafka;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link DeadLetter} to the dead-letter topic as the original record (key, value and headers
 * unchanged) plus the {@code dlq-*} headers of {@link FrameTopic}: reason, detail, and the original
 * topic, partition and offset.
 */
public final class DeadLetterSerializationSchema implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterSerializationSchema(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a dead-letter topic is required");
        }
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        EncodedFrame original = letter.original();
        Headers headers = original.headers();
        headers.add(FrameTopic.DLQ_REASON, FrameTopic.text(letter.reason().id()));
        headers.add(FrameTopic.DLQ_DETAIL, letter.detail().getBytes(StandardCharsets.UTF_8));
        headers.add(FrameTopic.DLQ_TOPIC, FrameTopic.text(original.topic()));
        headers.add(FrameTopic.DLQ_PARTITION, FrameTopic.text(Integer.toString(original.partition())));
        headers.add(FrameTopic.DLQ_OFFSET, FrameTopic.text(Long.toString(original.offset())));
        return new ProducerRecord<>(topic, null, timestamp, original.key(), original.value(), headers);
    }
}
