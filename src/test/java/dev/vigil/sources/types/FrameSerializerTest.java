package dev.vigil.sources.types;

import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's serializer test suite (copy, snapshot, concurrency, ...) over good and damaged frames. */
class FrameSerializerTest extends SerializerTestBase<Frame> {

    @Override
    protected TypeSerializer<Frame> createSerializer() {
        return FrameSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<Frame> getTypeClass() {
        return Frame.class;
    }

    @Override
    protected Frame[] getTestData() {
        byte[] pixels = new byte[4 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        return new Frame[] {
            new Frame("cam-1", 0, 0, 1_700_000_000_000L, 4, 2, PixelLayout.BGR24, pixels, null),
            new Frame("cam-2", 9_999, 123_456, 1_700_000_000_123L, 4, 2, PixelLayout.BGR24, pixels.clone(), null),
            new Frame("kamera-süd", 147, 11_680, 5L, 0, 0, PixelLayout.BGR24, new byte[0],
                    "video /v/cut.mp4 ended after 147 of 377 declared frames"),
        };
    }
}
