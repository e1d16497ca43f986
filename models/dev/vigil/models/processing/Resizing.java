package dev.vigil.models.processing;

/** How a frame is fitted into the model's fixed input size. */
public sealed interface Resizing {

    InputGeometry geometry(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight);

    /** Stretch to the input size, aspect ratio not kept (no padding). */
    static Resizing stretch() {
        return new Stretch();
    }

    /** Keep the aspect ratio, centre, fill the rest with {@code padValue} in every channel. */
    static Resizing letterbox(int padValue) {
        return new Letterbox(padValue);
    }

    /** See {@link InputGeometry#stretch}. */
    record Stretch() implements Resizing {
        @Override
        public InputGeometry geometry(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
            return InputGeometry.stretch(sourceWidth, sourceHeight, inputWidth, inputHeight);
        }
    }

    /** See {@link InputGeometry#letterbox}. */
    record Letterbox(int padValue) implements Resizing {
        public Letterbox {
            if (padValue < 0 || padValue > 255) {
                throw new IllegalArgumentException("pad value must be 0..255, got " + padValue);
            }
        }

        @Override
        public InputGeometry geometry(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
            return InputGeometry.letterbox(sourceWidth, sourceHeight, inputWidth, inputHeight);
        }
    }
}
