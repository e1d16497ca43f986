package dev.vigil.models.processing;

import java.util.Arrays;

/**
 * Per-channel affine map from 8-bit pixel values to model input, {@code (v - mean) / std}, with the
 * channels in the model's input order.
 */
public final class Normalization {

    private final float[] mean;
    private final float[] std;

    private Normalization(float[] mean, float[] std) {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("need three means and three standard deviations");
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** {@code (v - mean[c]) / std[c]} for input channel {@code c}. */
    public static Normalization meanStd(float[] mean, float[] std) {
        return new Normalization(mean, std);
    }

    /** {@code v / 255}: values in [0, 1]. */
    public static Normalization unitRange() {
        return new Normalization(new float[] {0, 0, 0}, new float[] {255, 255, 255});
    }

    public float apply(int c, float value) {
        return (value - mean[c]) / std[c];
    }

    @Override
    public String toString() {
        return "mean " + Arrays.toString(mean) + " std " + Arrays.toString(std);
    }
}
