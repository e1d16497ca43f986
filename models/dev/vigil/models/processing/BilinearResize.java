package dev.vigil.models.processing;

/**
 * Bilinear resize of packed 8-bit BGR pixels straight into a planar float tensor, computed as
 * OpenCV's {@code cv2.resize(..., INTER_LINEAR)} does for 8-bit images: half-pixel centres
 * ({@code src = (dst + 0.5) * srcSize / dstSize - 0.5}), coordinates clamped to the edge pixels,
 * no anti-aliasing when shrinking, and 11-bit fixed-point weights with the result rounded to
 * 8 bits. Matching OpenCV matters because the models were trained and verified on its output;
 * integer arithmetic is also what makes this fast.
 */
public final class BilinearResize {

    /** OpenCV's INTER_RESIZE_COEF_BITS. */
    private static final int WEIGHT_BITS = 11;
    private static final int ONE = 1 << WEIGHT_BITS;
    private static final int ROUNDING = 1 << (2 * WEIGHT_BITS - 1);

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
        resizeInto(bgr, geometry.sourceWidth(), 0, 0, geometry, order, lut, tensor, offset);
    }

    /**
     * As {@link #resizeInto(byte[], InputGeometry, ChannelOrder, float[][], float[], int)}, for the
     * {@code sourceWidth x sourceHeight} rectangle of the geometry whose top-left pixel is
     * ({@code originX}, {@code originY}) in an image {@code rowPixels} wide: a tile is read in place, without
     * copying it out of its frame. Edge clamping stays within the rectangle, as if it were an image of its own.
     */
    public static void resizeInto(byte[] bgr, int rowPixels, int originX, int originY, InputGeometry geometry,
            ChannelOrder order, float[][] lut, float[] tensor, int offset) {
        int srcW = geometry.sourceWidth();
        int dstW = geometry.contentWidth();
        int dstH = geometry.contentHeight();
        int plane = geometry.inputWidth() * geometry.inputHeight();

        Taps xs = Taps.of(srcW, dstW);
        Taps ys = Taps.of(geometry.sourceHeight(), dstH);
        // Horizontal pass results of the two source rows an output row blends, per input channel.
        int[] upper = new int[dstW * 3];
        int[] lower = new int[dstW * 3];
        int upperRow = -1;
        int lowerRow = -1;

        for (int dy = 0; dy < dstH; dy++) {
            int wantUpper = ys.low[dy];
            int wantLower = ys.high[dy];
            if (wantUpper != upperRow) {
                if (wantUpper == lowerRow) {
                    int[] swap = upper;
                    upper = lower;
                    lower = swap;
                    lowerRow = -1;
                } else {
                    horizontal(bgr, ((originY + wantUpper) * rowPixels + originX) * 3, xs, order, upper);
                }
                upperRow = wantUpper;
            }
            if (wantLower != lowerRow) {
                horizontal(bgr, ((originY + wantLower) * rowPixels + originX) * 3, xs, order, lower);
                lowerRow = wantLower;
            }
            int upperWeight = ys.lowWeight[dy];
            int lowerWeight = ys.highWeight[dy];
            int out = offset + (geometry.padTop() + dy) * geometry.inputWidth() + geometry.padLeft();
            for (int c = 0; c < 3; c++) {
                float[] values = lut[c];
                int o = out + c * plane;
                for (int dx = 0, i = c; dx < dstW; dx++, i += 3) {
                    int v = (upper[i] * upperWeight + lower[i] * lowerWeight + ROUNDING) >> (2 * WEIGHT_BITS);
                    tensor[o + dx] = values[v];
                }
            }
        }
    }

    /** One source row blended horizontally, weights scaled by {@code ONE}, channels in input order. */
    private static void horizontal(byte[] bgr, int rowStart, Taps xs, ChannelOrder order, int[] into) {
        int s0 = order.sourceChannel(0);
        int s1 = order.sourceChannel(1);
        int s2 = order.sourceChannel(2);
        for (int dx = 0, i = 0; dx < xs.low.length; dx++, i += 3) {
            int left = rowStart + xs.low[dx] * 3;
            int right = rowStart + xs.high[dx] * 3;
            int wl = xs.lowWeight[dx];
            int wr = xs.highWeight[dx];
            into[i] = (bgr[left + s0] & 0xFF) * wl + (bgr[right + s0] & 0xFF) * wr;
            into[i + 1] = (bgr[left + s1] & 0xFF) * wl + (bgr[right + s1] & 0xFF) * wr;
            into[i + 2] = (bgr[left + s2] & 0xFF) * wl + (bgr[right + s2] & 0xFF) * wr;
        }
    }

    /** For each destination index, the two source indices to blend and their fixed-point weights. */
    static final class Taps {
        final int[] low;
        final int[] high;
        final int[] lowWeight;
        final int[] highWeight;

        private Taps(int n) {
            low = new int[n];
            high = new int[n];
            lowWeight = new int[n];
            highWeight = new int[n];
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
                taps.lowWeight[d] = Math.round((1 - fraction) * ONE);
                taps.highWeight[d] = Math.round(fraction * ONE);
            }
            return taps;
        }
    }
}
