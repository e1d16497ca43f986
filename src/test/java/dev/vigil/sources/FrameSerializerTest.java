package dev.vigil.sources;

import dev.vigil.models.BgrImage;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's serializer test suite (copy, snapshot, concurrency, ...) over good and damaged frames, stored
 * raw, as a JPEG of a quality, and as the JPEG they came as.
 */
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
        Frame[] raw = rawFrames();
        Frame jpeg = jpegStoredFrame();
        Frame sourceJpeg = jpeg.withPixelStorage(PixelStorage.source(jpegOf(jpeg)));
        Frame gap = Frame.gap("street", 105, 183, 79, 4_375, "frames 105 to 183 are missing from /v/street.mp4");
        Frame moving = raw[1].withMotion(new CameraMotion(9_990, -120.5, 33.25));
        return new Frame[] {raw[0], raw[1], raw[2], jpeg, sourceJpeg, gap, moving, jpeg.withMotion(new CameraMotion(7, 1, 2))};
    }

    /**
     * A frame stored as a JPEG whose pixels are that JPEG decoded, as a frame restored from a checkpoint is:
     * it writes the same JPEG again, so it reads back equal.
     */
    private static Frame jpegStoredFrame() {
        try {
            byte[] gradient = new byte[16 * 8 * 3];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (byte) (i % 48 * 5);
            }
            byte[] jpeg = FrameImages.jpeg(16, 8, gradient, 85);
            BgrImage decoded = FrameImages.decode(jpeg, FrameImages.JPEG);
            return new Frame("cam-3", 77, 3_200, 1_700_000_000_999L, 16, 8, PixelLayout.BGR24, decoded.pixels(), null)
                    .withPixelStorage(PixelStorage.jpeg(85, jpeg));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] jpegOf(Frame frame) {
        try {
            return frame.pixelStorage().jpegOf(frame);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Frame[] rawFrames() {
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
