package dev.vigil.sources;

import java.io.IOException;

/**
 * How a {@link Frame}'s pixels are written when the frame is serialized: as they are (lossless,
 * {@code width x height x 3} bytes), or as a JPEG.
 *
 * <p>The detection stage asks for JPEG storage. Its in-flight frames are part of every checkpoint,
 * and as raw pixels a checkpoint would grow with resolution: 6.2 MB per 1080p frame, 25 MB per 4K
 * frame, times the frames in flight. A JPEG of quality 85 is about 23 times smaller (1080p street
 * video: 270 KB) and keeps detections close to those on the raw frame. The loss cannot make outputs disagree: a frame read back from a checkpoint is one whose
 * results were never emitted, so after a restore it is detected for the first time, from the JPEG.
 *
 * <p>The JPEG is encoded on first use, which is the checkpoint's asynchronous part, off the task
 * thread, and then kept: a frame in flight over two checkpoints is encoded once, and a frame restored
 * from a JPEG writes the same bytes again instead of losing quality a second time. A frame that was a
 * JPEG to begin with (a Kafka frame record) keeps that JPEG as its stored form: it costs no encoding and
 * reads back to exactly the pixels it was decoded to. Thread-safe.
 */
public final class PixelStorage {

    /** The pixels as they are. */
    public static final PixelStorage RAW = new PixelStorage(0, null);

    private final int jpegQuality;
    private volatile byte[] jpeg;

    private PixelStorage(int jpegQuality, byte[] jpeg) {
        this.jpegQuality = jpegQuality;
        this.jpeg = jpeg;
    }

    /** JPEG storage of the given quality (1 to 100), encoded when the frame is first serialized. */
    public static PixelStorage jpeg(int quality) {
        return jpeg(quality, null);
    }

    /**
     * Storage as the JPEG the frame was decoded from: written as it is, so the frame reads back exactly.
     * Its quality is unknown (0).
     */
    public static PixelStorage source(byte[] jpeg) {
        return new PixelStorage(0, java.util.Objects.requireNonNull(jpeg, "jpeg"));
    }

    /** JPEG storage whose encoding already exists, such as a frame's JPEG read back from a checkpoint. */
    public static PixelStorage jpeg(int quality, byte[] encoded) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
        }
        return new PixelStorage(quality, encoded);
    }

    public boolean isJpeg() {
        return jpegQuality > 0 || jpeg != null;
    }

    /** The JPEG quality (1 to 100), or 0 for raw storage and for a frame's own source JPEG. */
    public int jpegQuality() {
        return jpegQuality;
    }

    /** {@code frame}'s pixels as a JPEG, encoded on the first call. */
    public byte[] jpegOf(Frame frame) throws IOException {
        byte[] encoded = jpeg;
        if (encoded == null) {
            // Two threads may both encode; the encoder is deterministic, so either result is the same.
            encoded = FrameImages.jpeg(frame.width(), frame.height(), frame.pixels(), jpegQuality);
            jpeg = encoded;
        }
        return encoded;
    }

    @Override
    public String toString() {
        return !isJpeg() ? "raw" : jpegQuality == 0 ? "source jpeg" : "jpeg(" + jpegQuality + ")";
    }
}
