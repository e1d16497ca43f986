package dev.vigil.job.config;

/** A width and height in pixels, both positive, as {@code model.input-size} gives them. */
public record ImageSize(int width, int height) {

    public ImageSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("sides must be positive, got " + width + "x" + height);
        }
    }
}
