package dev.vigil.sources.rtsp;

import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link CameraStatus}: its fields in declaration order, the state by ordinal. */
public final class CameraStatusSerializer extends ImmutableRecordSerializer<CameraStatus> {

    private static final long serialVersionUID = 1L;

    public static final CameraStatusSerializer INSTANCE = new CameraStatusSerializer();

    private static final CameraState[] STATES = CameraState.values();

    @Override
    public CameraStatus createInstance() {
        return new CameraStatus("", CameraState.CONNECTING, 0, -1, 0, 0, 0, "", null);
    }

    @Override
    public void serialize(CameraStatus status, DataOutputView out) throws IOException {
        out.writeUTF(status.cameraId());
        out.writeByte(status.state().ordinal());
        out.writeLong(status.timeMillis());
        out.writeLong(status.downSinceMillis());
        out.writeLong(status.downForMillis());
        out.writeLong(status.framesLost());
        out.writeInt(status.failedAttempts());
        out.writeUTF(status.maskedUrl());
        writeNullableString(status.message(), out);
    }

    @Override
    public CameraStatus deserialize(DataInputView in) throws IOException {
        return new CameraStatus(in.readUTF(), STATES[in.readByte()], in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readInt(), in.readUTF(), readNullableString(in));
    }

    @Override
    public TypeSerializerSnapshot<CameraStatus> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CameraStatus> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
