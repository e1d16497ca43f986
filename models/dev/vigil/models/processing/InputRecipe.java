package dev.vigil.models.processing;

import java.util.Arrays;
import java.util.Objects;

/**
 * How one frame becomes one slice of the model's NCHW float input: size, fitting (stretch or
 * letterbox), channel order and normalisation.
 */
public final class InputRecipe {

    private final int width;
    private final int height;
    private final Resizing resizing;
    private final ChannelOrder channelOrder;
    private final Normalization normalization;
    /** Model value of each 8-bit pixel value, per input channel: normalising costs a lookup. */
    private final float[][] lut = new float[3][256];

    public InputRecipe(int width, int height, Resizing resizing, ChannelOrder channelOrder,
            Normalization normalization) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.resizing = Objects.requireNonNull(resizing);
        this.channelOrder = Objects.requireNonNull(channelOrder);
        this.normalization = Objects.requireNonNull(normalization);
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = normalization.apply(c, v);
            }
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Floats one image occupies in the batch tensor. */
    public int valuesPerImage() {
        return 3 * width * height;
    }

    public InputGeometry geometry(int sourceWidth, int sourceHeight) {
        return resizing.geometry(sourceWidth, sourceHeight, width, height);
    }

    /**
     * Writes an image of packed BGR24 pixels ({@code bgr}, {@code sourceWidth x sourceHeight}) into
     * {@code tensor} starting at {@code offset} (three planes of {@code width x height}) and returns where
     * it landed.
     */
    public InputGeometry fill(int sourceWidth, int sourceHeight, byte[] bgr, float[] tensor, int offset) {
        return fill(bgr, sourceWidth, 0, 0, sourceWidth, sourceHeight, tensor, offset);
    }

    /**
     * Writes the {@code regionWidth x regionHeight} rectangle at ({@code x}, {@code y}) of an image of packed BGR24
     * pixels {@code rowPixels} wide, as if it were an image of its own (a tile of a frame, read in place), and
     * returns where it landed; boxes mapped back through the geometry are in the rectangle's own pixels.
     */
    public InputGeometry fill(byte[] bgr, int rowPixels, int x, int y, int regionWidth, int regionHeight,
            float[] tensor, int offset) {
        InputGeometry geometry = geometry(regionWidth, regionHeight);
        if (resizing instanceof Resizing.Letterbox letterbox) {
            int plane = width * height;
            for (int c = 0; c < 3; c++) {
                Arrays.fill(tensor, offset + c * plane, offset + (c + 1) * plane, lut[c][letterbox.padValue()]);
            }
        }
        BilinearResize.resizeInto(bgr, rowPixels, x, y, geometry, channelOrder, lut, tensor, offset);
        return geometry;
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + resizing + " " + channelOrder + " " + normalization;
    }
}
