package dev.vigil.sources.rtsp;

import dev.vigil.sources.rtsp.CameraStatusSerializer;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's serializer test suite over status changes of every kind. */
class CameraStatusSerializerTest extends SerializerTestBase<CameraStatus> {

    @Override
    protected TypeSerializer<CameraStatus> createSerializer() {
        return CameraStatusSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CameraStatus> getTypeClass() {
        return CameraStatus.class;
    }

    @Override
    protected CameraStatus[] getTestData() {
        return new CameraStatus[] {
            new CameraStatus("gate", CameraState.CONNECTING, 1_700_000_000_000L, -1, 0, 0, 0, "rtsp://***@h/s",
                    "connecting"),
            new CameraStatus("gate", CameraState.STREAMING, 1_700_000_004_000L, 1_700_000_000_500L, 3500, 88, 0,
                    "rtsp://***@h/s", null),
            new CameraStatus("kamera-süd", CameraState.FAILED, 5L, 1L, 4L, 0, 12, "rtsp://h:1/x",
                    "Connection refused; giving up after 12 failed attempts"),
        };
    }
}
