package dev.vigil.models;

import java.util.Objects;

/**
 * A rectangle of an image that a detector sees as an image of its own (a tile of a frame), read in place:
 * detectors that can, pre-process it straight from the frame's pixels, without a copy. Boxes found in it are in
 * its own pixels; {@link #x()} and {@link #y()} map them back to the frame.
 */
public record ImageRegion(BgrImage image, int x, int y, int width, int height) {

    public ImageRegion {
        Objects.requireNonNull(image, "image");
        if (width <= 0 || height <= 0 || x < 0 || y < 0 || x + width > image.width() || y + height > image.height()) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at (" + x + ", " + y
                    + ") does not lie inside the " + image.width() + "x" + image.height() + " image");
        }
    }

    /** The whole image. */
    public static ImageRegion whole(BgrImage image) {
        return new ImageRegion(image, 0, 0, image.width(), image.height());
    }

    public boolean isWhole() {
        return x == 0 && y == 0 && width == image.width() && height == image.height();
    }

    /** The region's pixels as an image of their own (a copy, unless the region is the whole image). */
    public BgrImage copy() {
        if (isWhole()) {
            return image;
        }
        byte[] pixels = new byte[width * height * 3];
        int rowBytes = width * 3;
        for (int row = 0; row < height; row++) {
            System.arraycopy(image.pixels(), ((y + row) * image.width() + x) * 3, pixels, row * rowBytes, rowBytes);
        }
        return new BgrImage(width, height, pixels);
    }
}
