package dev.vigil.sources.kafka;

import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A frame-topic record as read, before decoding: the raw key, value and headers and where the record
 * was (topic, partition, offset), so that a record that cannot be decoded goes to the dead-letter topic
 * unchanged and can be found again.
 */
@TypeInfo(EncodedFrameTypeInfoFactory.class)
public final class EncodedFrame {

    private final String topic;
    private final int partition;
    private final long offset;
    private final long recordTimestampMillis;
    private final byte[] key;
    private final byte[] value;
    private final List<Header> headers;

    public EncodedFrame(String topic, int partition, long offset, long recordTimestampMillis, byte[] key, byte[] value,
            List<? extends Header> headers) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.recordTimestampMillis = recordTimestampMillis;
        this.key = key;
        this.value = value;
        List<Header> copied = new ArrayList<>(headers.size());
        for (Header header : headers) {
            copied.add(new RecordHeader(header.key(), header.value()));
        }
        this.headers = List.copyOf(copied);
    }

    static EncodedFrame of(ConsumerRecord<byte[], byte[]> record) {
        return new EncodedFrame(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), Arrays.asList(record.headers().toArray()));
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The Kafka record's own timestamp (producer or log-append time). */
    public long recordTimestampMillis() {
        return recordTimestampMillis;
    }

    /** The record key, or {@code null}; not copied. */
    public byte[] key() {
        return key;
    }

    /** The record value (the encoded image), or {@code null}; not copied. */
    public byte[] value() {
        return value;
    }

    /** The headers in their original order, duplicates included. */
    public List<Header> headerList() {
        return headers;
    }

    /** The headers, as Kafka's API presents them (a new, writable copy). */
    public Headers headers() {
        return new RecordHeaders(headers.toArray(new Header[0]));
    }

    /** The last value of header {@code name} as UTF-8 text, or {@code null}. */
    public String header(String name) {
        // Read per record by the decoder and the timestamp assigner: walk the list, copy nothing.
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The event time: the {@value FrameTopic#CAPTURE_TIMESTAMP} header, or the record's own timestamp
     * when that header is missing or unreadable (such a record becomes a dead letter anyway).
     */
    public long eventTimestampMillis() {
        long capture = FrameTopic.nonNegativeNumber(header(FrameTopic.CAPTURE_TIMESTAMP));
        return capture >= 0 ? capture : recordTimestampMillis;
    }

    /** Where the record was, as {@code topic/partition@offset}, for messages. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EncodedFrame)) {
            return false;
        }
        EncodedFrame other = (EncodedFrame) o;
        return partition == other.partition
                && offset == other.offset
                && recordTimestampMillis == other.recordTimestampMillis
                && topic.equals(other.topic)
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value)
                && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return "EncodedFrame{" + position() + ", " + (value == null ? "no value" : value.length + " bytes") + ", "
                + headers.size() + " headers}";
    }
}
