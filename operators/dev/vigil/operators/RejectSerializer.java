package dev.vigil.operators;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link Reject}. */
public final class RejectSerializer extends ImmutableRecordSerializer<Reject> {

    private static final long serialVersionUID = 1L;

    public static final RejectSerializer INSTANCE = new RejectSerializer();

    private static final Reject.Stage[] STAGES = Reject.Stage.values();

    @Override
    public Reject createInstance() {
        return new Reject("", 0, 0, Reject.Stage.DECODE, "", 0);
    }

    @Override
    public void serialize(Reject reject, DataOutputView out) throws IOException {
        out.writeUTF(reject.cameraId());
        out.writeLong(reject.sequence());
        out.writeLong(reject.timestampMillis());
        out.writeByte(reject.stage().ordinal());
        // writeUTF is limited to 64 KiB; reasons may quote long error chains.
        byte[] reason = reject.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(reason.length);
        out.write(reason);
        out.writeLong(reject.rejectedAtMillis());
    }

    @Override
    public Reject deserialize(DataInputView in) throws IOException {
        String cameraId = in.readUTF();
        long sequence = in.readLong();
        long timestamp = in.readLong();
        Reject.Stage stage = STAGES[in.readByte()];
        byte[] reason = new byte[in.readInt()];
        in.readFully(reason);
        long rejectedAt = in.readLong();
        return new Reject(cameraId, sequence, timestamp, stage,
                new String(reason, java.nio.charset.StandardCharsets.UTF_8), rejectedAt);
    }

    @Override
    public TypeSerializerSnapshot<Reject> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Reject> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
