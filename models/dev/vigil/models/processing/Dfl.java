package dev.vigil.models.processing;

/**
 * Distribution Focal Loss "integral" (GFL / NanoDet / YOLOv6 with {@code reg_max > 0}): a box side
 * is predicted as logits over the bins {@code 0..reg_max}; the distance is the expected bin under
 * their softmax.
 */
public final class Dfl {

    private Dfl() {}

    /** Softmax-weighted mean of {@code 0..bins-1} over {@code logits[offset .. offset+bins)}, in bins. */
    public static float expectedBin(float[] logits, int offset, int bins) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        float sum = 0;
        float weighted = 0;
        for (int i = 0; i < bins; i++) {
            float e = (float) Math.exp(logits[offset + i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }
}
