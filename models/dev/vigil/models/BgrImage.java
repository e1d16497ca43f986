package dev.vigil.models;

import java.util.Objects;

/**
 * An 8-bit BGR image, rows packed without padding: the detector's view of a frame, independent of
 * where the frame came from.
 */
public record BgrImage(int width, int height, byte[] pixels) {

    public BgrImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (pixels.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "a " + width + "x" + height + " BGR image needs " + (width * height * 3)
                            + " bytes, got " + pixels.length);
        }
    }
}
