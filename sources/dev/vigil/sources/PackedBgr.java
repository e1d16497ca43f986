package dev.vigil.sources;

import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;

/** Pixels of a JavaCV BGR24 image as Vigil frames carry them: rows packed, {@code width * 3} bytes each. */
public final class PackedBgr {

    private PackedBgr() {}

    /** Copies the image row by row, dropping any padding the decoder put at the end of a row. */
    public static byte[] of(Frame frame) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int rowBytes = width * 3;
        // For 8-bit images JavaCV reports the stride in bytes.
        int stride = frame.imageStride;
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        byte[] packed = new byte[rowBytes * height];
        if (stride == rowBytes) {
            source.position(0);
            source.get(packed, 0, packed.length);
        } else {
            for (int row = 0; row < height; row++) {
                source.position(row * stride);
                source.get(packed, row * rowBytes, rowBytes);
            }
        }
        return packed;
    }
}
