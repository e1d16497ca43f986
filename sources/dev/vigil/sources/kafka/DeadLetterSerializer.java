package dev.vigil.sources.kafka;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.util.List;

/** Serializer for {@link DeadLetter}: the original record, the reason and the detail. */
public final class DeadLetterSerializer extends ImmutableRecordSerializer<DeadLetter> {

    private static final long serialVersionUID = 1L;

    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();

    private static final DeadLetterReason[] REASONS = DeadLetterReason.values();

    @Override
    public DeadLetter createInstance() {
        return new DeadLetter(new EncodedFrame("", 0, 0, 0, null, null, List.of()), DeadLetterReason.EMPTY_IMAGE, "");
    }

    @Override
    public void serialize(DeadLetter letter, DataOutputView out) throws IOException {
        EncodedFrameSerializer.INSTANCE.serialize(letter.original(), out);
        out.writeByte(letter.reason().ordinal());
        // Details may quote long decoder messages, beyond writeUTF's 64 KiB.
        writeLongString(letter.detail(), out);
    }

    @Override
    public DeadLetter deserialize(DataInputView in) throws IOException {
        EncodedFrame original = EncodedFrameSerializer.INSTANCE.deserialize(in);
        DeadLetterReason reason = REASONS[in.readByte()];
        String detail = readLongString(in);
        return new DeadLetter(original, reason, detail);
    }

    @Override
    public TypeSerializerSnapshot<DeadLetter> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DeadLetter> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
