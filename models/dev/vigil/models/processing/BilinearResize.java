package dev.vigil.models.processing;

/**
 * Bilinear resize of packed 8-bit BGR pixels straight into a planar float tensor, with the
 * sampling of OpenCV's {@code cv2.resize(..., INTER_LINEAR)}: half-pixel centres
 * ({@code src = (dst + 0.5) * srcSize / dstSize - 0.5}), coordinates clamped to the edge pixels,
 * no anti-aliasing when shrinking, and the result rounded to 8 bits as OpenCV's uint8 output is.
 * Matching OpenCV matters because the models were trained and verified on its output.
 */
public final class BilinearResize {

    private BilinearResize() {}

    /**
     * Resizes {@code bgr} ({@code sourceWidth x sourceHeight}) to the geometry's content size and
     * writes it at the geometry's padding offset into the three planes starting at
     * {@code tensor[offset]}, each {@code inputWidth x inputHeight}.
     *
     * @param lut per input channel, the model value of each 8-bit pixel value (normalisation)
     */
    public static void resizeInto(
            byte[] bgr, InputGeometry geometry, ChannelOrder order, float[][] lut, float[] tensor, int offset) {
        int srcW = geometry.sourceWidth();
        int srcH = geometry.sourceHeight();
        int dstW = geometry.contentWidth();
        int dstH = geometry.contentHeight();
        int plane = geometry.inputWidth() * geometry.inputHeight();

        Taps xs = Taps.of(srcW, dstW);
        Taps ys = Taps.of(srcH, dstH);
        int s0 = order.sourceChannel(0);
        int s1 = order.sourceChannel(1);
        int s2 = order.sourceChannel(2);
        float[] lut0 = lut[0];
        float[] lut1 = lut[1];
        float[] lut2 = lut[2];

        for (int dy = 0; dy < dstH; dy++) {
            int top = ys.low[dy] * srcW * 3;
            int bottom = ys.high[dy] * srcW * 3;
            float wy = ys.weight[dy];
            int out = offset + (geometry.padTop() + dy) * geometry.inputWidth() + geometry.padLeft();
            for (int dx = 0; dx < dstW; dx++, out++) {
                int left = xs.low[dx] * 3;
                int right = xs.high[dx] * 3;
                float wx = xs.weight[dx];
                tensor[out] = lut0[sample(bgr, top, bottom, left, right, s0, wx, wy)];
                tensor[out + plane] = lut1[sample(bgr, top, bottom, left, right, s1, wx, wy)];
                tensor[out + 2 * plane] = lut2[sample(bgr, top, bottom, left, right, s2, wx, wy)];
            }
        }
    }

    private static int sample(byte[] bgr, int top, int bottom, int left, int right, int c, float wx, float wy) {
        float upper = (bgr[top + left + c] & 0xFF) * (1 - wx) + (bgr[top + right + c] & 0xFF) * wx;
        float lower = (bgr[bottom + left + c] & 0xFF) * (1 - wx) + (bgr[bottom + right + c] & 0xFF) * wx;
        float value = upper * (1 - wy) + lower * wy;
        return Math.min(255, (int) (value + 0.5f));
    }

    /** For each destination index, the two source indices to blend and the weight of the second. */
    static final class Taps {
        final int[] low;
        final int[] high;
        final float[] weight;

        private Taps(int n) {
            low = new int[n];
            high = new int[n];
            weight = new float[n];
        }

        static Taps of(int sourceSize, int destinationSize) {
            Taps taps = new Taps(destinationSize);
            double scale = (double) sourceSize / destinationSize;
            for (int d = 0; d < destinationSize; d++) {
                float position = (float) ((d + 0.5) * scale - 0.5);
                int index = (int) Math.floor(position);
                float fraction = position - index;
                if (index < 0) {
                    index = 0;
                    fraction = 0;
                }
                if (index >= sourceSize - 1) {
                    index = sourceSize - 1;
                    fraction = 0;
                }
                taps.low[d] = index;
                taps.high[d] = Math.min(index + 1, sourceSize - 1);
                taps.weight[d] = fraction;
            }
            return taps;
        }
    }
}
