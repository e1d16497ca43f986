package dev.vigil.sources;

/** How a {@link Frame}'s pixel bytes are laid out. */
public enum PixelLayout {
    /** Interleaved 8-bit blue, green, red; rows packed without padding (stride = width * 3). */
    BGR24(3);

    private final int bytesPerPixel;

    PixelLayout(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    public int frameBytes(int width, int height) {
        return width * height * bytesPerPixel;
    }
}
