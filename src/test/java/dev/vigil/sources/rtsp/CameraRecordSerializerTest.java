package dev.vigil.sources.rtsp;

import dev.vigil.sources.Frame;
import dev.vigil.sources.rtsp.CameraRecordSerializer;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's serializer test suite over frames and status changes in the source's union record. */
class CameraRecordSerializerTest extends SerializerTestBase<CameraRecord> {

    @Override
    protected TypeSerializer<CameraRecord> createSerializer() {
        return CameraRecordSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CameraRecord> getTypeClass() {
        return CameraRecord.class;
    }

    @Override
    protected CameraRecord[] getTestData() {
        return new CameraRecord[] {
            CameraRecord.of(Frame.bgr("gate", 17, 1_700_000_000_000L, 2, 1, new byte[] {1, 2, 3, 4, 5, 6})),
            CameraRecord.of(new CameraStatus("gate", CameraState.STALLED, 9L, 8L, 1L, 0, 1, "rtsp://h/s",
                    "the stream ended")),
        };
    }
}
