package dev.vigil.models.processing;

/**
 * The prior points of a multi-level dense head, in output-row order: level by level (in the given
 * stride order), each level row-major. A level at stride {@code s} over an input of
 * {@code W x H} has {@code ceil(W/s) x ceil(H/s)} cells; the prior of cell {@code (x, y)} is at
 * {@code ((x + offset) * s, (y + offset) * s)} in input pixels.
 */
public final class FeatureGrid {

    private final float[] x;
    private final float[] y;
    private final float[] stride;

    private FeatureGrid(float[] x, float[] y, float[] stride) {
        this.x = x;
        this.y = y;
        this.stride = stride;
    }

    /**
     * @param cellOffset 0 for priors at the cells' top-left corners (NanoDet-Plus), 0.5 for centres
     */
    public static FeatureGrid of(int inputWidth, int inputHeight, float cellOffset, int... strides) {
        int total = 0;
        for (int s : strides) {
            total += cells(inputWidth, s) * cells(inputHeight, s);
        }
        float[] x = new float[total];
        float[] y = new float[total];
        float[] stride = new float[total];
        int i = 0;
        for (int s : strides) {
            int columns = cells(inputWidth, s);
            int rows = cells(inputHeight, s);
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++, i++) {
                    x[i] = (column + cellOffset) * s;
                    y[i] = (row + cellOffset) * s;
                    stride[i] = s;
                }
            }
        }
        return new FeatureGrid(x, y, stride);
    }

    private static int cells(int size, int stride) {
        return (size + stride - 1) / stride;
    }

    public int size() {
        return x.length;
    }

    public float x(int prior) {
        return x[prior];
    }

    public float y(int prior) {
        return y[prior];
    }

    public float stride(int prior) {
        return stride[prior];
    }
}
