package dev.vigil.sources.rtsp;

import dev.vigil.sources.FrameSerializer;
import dev.vigil.sources.serialization.ImmutableRecordSerializer;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/** Serializer for {@link CameraRecord}: a tag byte (0 frame, 1 status), then that record. */
public final class CameraRecordSerializer extends ImmutableRecordSerializer<CameraRecord> {

    private static final long serialVersionUID = 1L;

    public static final CameraRecordSerializer INSTANCE = new CameraRecordSerializer();

    @Override
    public CameraRecord createInstance() {
        return CameraRecord.of(CameraStatusSerializer.INSTANCE.createInstance());
    }

    @Override
    public void serialize(CameraRecord record, DataOutputView out) throws IOException {
        if (record.isFrame()) {
            out.writeByte(0);
            FrameSerializer.INSTANCE.serialize(record.frame(), out);
        } else {
            out.writeByte(1);
            CameraStatusSerializer.INSTANCE.serialize(record.status(), out);
        }
    }

    @Override
    public CameraRecord deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case 0 -> CameraRecord.of(FrameSerializer.INSTANCE.deserialize(in));
            case 1 -> CameraRecord.of(CameraStatusSerializer.INSTANCE.deserialize(in));
            default -> throw new IOException("unknown camera record tag " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<CameraRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for restoring state written by this serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CameraRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
