package dev.vigil.operators;

import dev.vigil.sources.serialization.VersionedRecordSerializer;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Serializer for {@link Reject}. Format 2 appends the last sequence and the frame count; a reject of
 * format 1 stands for its own frame alone.
 */
public final class RejectSerializer extends VersionedRecordSerializer<Reject> {

    private static final long serialVersionUID = 1L;

    static final int CURRENT_FORMAT = 2;

    public static final RejectSerializer INSTANCE = new RejectSerializer();

    public RejectSerializer() {
        this(CURRENT_FORMAT);
    }

    private RejectSerializer(int readFormat) {
        super(CURRENT_FORMAT, readFormat);
    }

    static RejectSerializer reading(int format) {
        return format == CURRENT_FORMAT ? INSTANCE : new RejectSerializer(format);
    }

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
        out.writeLong(reject.lastSequence());
        out.writeLong(reject.frames());
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
        long lastSequence = readFormat() >= 2 ? in.readLong() : sequence;
        long frames = readFormat() >= 2 ? in.readLong() : 1;
        return new Reject(cameraId, sequence, timestamp, stage,
                new String(reason, java.nio.charset.StandardCharsets.UTF_8), rejectedAt, lastSequence, frames);
    }

    @Override
    public TypeSerializerSnapshot<Reject> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends VersionedRecordSerializer.Snapshot<Reject> {
        public Snapshot() {
            super("reject", CURRENT_FORMAT, RejectSerializer::reading);
        }
    }
}
