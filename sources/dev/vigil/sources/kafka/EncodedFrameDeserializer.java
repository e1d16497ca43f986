package dev.vigil.sources.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads frame-topic records as {@link EncodedFrame}s without looking inside them: every record,
 * however broken, reaches {@link DecodeFrames}, which decides between a frame and a dead letter.
 */
public final class EncodedFrameDeserializer implements KafkaRecordDeserializationSchema<EncodedFrame> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<EncodedFrame> out) {
        out.collect(EncodedFrame.of(record));
    }

    @Override
    public TypeInformation<EncodedFrame> getProducedType() {
        return TypeInformation.of(EncodedFrame.class);
    }
}
