package dev.vigil.sources.kafka;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializer for {@link EncodedFrame}: position, then key, value and headers as length-prefixed bytes. */
public final class EncodedFrameSerializer extends ImmutableRecordSerializer<EncodedFrame> {

    private static final long serialVersionUID = 1L;

    public static final EncodedFrameSerializer INSTANCE = new EncodedFrameSerializer();

    @Override
    public EncodedFrame createInstance() {
        return new EncodedFrame("", 0, 0, 0, null, null, List.of());
    }

    @Override
    public void serialize(EncodedFrame frame, DataOutputView out) throws IOException {
        out.writeUTF(frame.topic());
        out.writeInt(frame.partition());
        out.writeLong(frame.offset());
        out.writeLong(frame.recordTimestampMillis());
        writeNullableBytes(frame.key(), out);
        writeNullableBytes(frame.value(), out);
        out.writeInt(frame.headerList().size());
        for (Header header : frame.headerList()) {
            out.writeUTF(header.key());
            writeNullableBytes(header.value(), out);
        }
    }

    @Override
    public EncodedFrame deserialize(DataInputView in) throws IOException {
        String topic = in.readUTF();
        int partition = in.readInt();
        long offset = in.readLong();
        long timestamp = in.readLong();
        byte[] key = readNullableBytes(in);
        byte[] value = readNullableBytes(in);
        int count = in.readInt();
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(new RecordHeader(in.readUTF(), readNullableBytes(in)));
        }
        return new EncodedFrame(topic, partition, offset, timestamp, key, value, headers);
    }

    @Override
    public TypeSerializerSnapshot<EncodedFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EncodedFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
