package dev.vigil.models.processing;

/**
 * Estimates the global translation of the image content between two frames of a camera (camera motion:
 * pan, tilt, a drone's drift), in plain Java on grey thumbnails.
 *
 * <p>A frame becomes a {@link Thumbnail}: grey, at most {@value #THUMBNAIL_WIDTH} pixels wide (each pixel the
 * mean of a few samples of its block of the frame). Two thumbnails are registered coarse to fine on a
 * three-level pyramid: an exhaustive search of ±{@value #COARSE_RADIUS} pixels at the coarsest level (±1/12 of
 * the width in the frame, at most ±40 pixels of the finest level), then ±{@value #REFINE_RADIUS} around twice
 * the previous estimate at each finer level, and a symmetric V through the costs around the best shift for
 * sub-pixel precision. The cost is the mean
 * truncated absolute difference over the overlap (differences above {@value #TRUNCATION} grey levels count as
 * that), so objects that move on their own weigh little against the background.
 *
 * <p>The estimate is refused (null) when the image has too little texture for any shift to stand out, or when
 * the best coarse shift lies on the edge of the search.
 */
public final class GlobalMotion {

    /** Width of the finest level the frames are reduced to. */
    public static final int THUMBNAIL_WIDTH = 480;
    static final int LEVELS = 3;
    static final int COARSE_RADIUS = 10;
    static final int REFINE_RADIUS = 2;
    static final int TRUNCATION = 24;
    /** Least grey-level gap between the mean and the best coarse cost for a shift to count as found. */
    static final double MIN_CONTRAST = 0.5;

    private GlobalMotion() {}

    /** A frame reduced to grey pyramid levels; {@code scale} frame pixels per finest-level pixel. */
    public static final class Thumbnail {
        final int frameWidth;
        final int frameHeight;
        final double scale;
        final int[][] levels;
        final int[] widths;
        final int[] heights;

        Thumbnail(int frameWidth, int frameHeight, double scale, int[][] levels, int[] widths, int[] heights) {
            this.frameWidth = frameWidth;
            this.frameHeight = frameHeight;
            this.scale = scale;
            this.levels = levels;
            this.widths = widths;
            this.heights = heights;
        }

        /** Whether a shift between this and {@code other} can be estimated: frames of the same size. */
        public boolean comparableTo(Thumbnail other) {
            return other != null && other.frameWidth == frameWidth && other.frameHeight == frameHeight;
        }

        /** Bytes held, for memory accounting. */
        public long bytes() {
            long sum = 0;
            for (int[] level : levels) {
                sum += 4L * level.length;
            }
            return sum;
        }
    }

    /** The content of the second frame lies {@code dx, dy} frame pixels from where it was in the first. */
    public record Shift(double dx, double dy) {}

    /** The grey thumbnail of a BGR24 frame of {@code width x height}. */
    public static Thumbnail thumbnail(byte[] bgr, int width, int height) {
        if (width <= 0 || height <= 0 || bgr.length < 3L * width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR frame needs " + 3L * width * height
                    + " bytes, got " + bgr.length);
        }
        int factor = Math.max(1, (width + THUMBNAIL_WIDTH - 1) / THUMBNAIL_WIDTH);
        int tw = Math.max(1, width / factor);
        int th = Math.max(1, height / factor);
        // A few samples per block: a 2x2 grid inside each factor x factor block (all pixels for small factors).
        int step = Math.max(1, factor / 2);
        int[] grey = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int sum = 0;
                int n = 0;
                for (int y = ty * factor; y < ty * factor + factor; y += step) {
                    int row = y * width;
                    for (int x = tx * factor; x < tx * factor + factor; x += step) {
                        int i = 3 * (row + x);
                        sum += (bgr[i] & 0xff) + 2 * (bgr[i + 1] & 0xff) + (bgr[i + 2] & 0xff);
                        n++;
                    }
                }
                grey[ty * tw + tx] = sum / (4 * n);
            }
        }
        int[][] levels = new int[LEVELS][];
        int[] widths = new int[LEVELS];
        int[] heights = new int[LEVELS];
        levels[0] = grey;
        widths[0] = tw;
        heights[0] = th;
        for (int l = 1; l < LEVELS; l++) {
            int pw = widths[l - 1];
            int w = Math.max(1, pw / 2);
            int h = Math.max(1, heights[l - 1] / 2);
            int[] prev = levels[l - 1];
            int[] level = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 2 * y * pw + 2 * x;
                    boolean right = 2 * x + 1 < pw;
                    boolean down = 2 * y + 1 < heights[l - 1];
                    int a = prev[i];
                    int b = right ? prev[i + 1] : a;
                    int c = down ? prev[i + pw] : a;
                    int d = right && down ? prev[i + pw + 1] : a;
                    level[y * w + x] = (a + b + c + d) >> 2;
                }
            }
            levels[l] = level;
            widths[l] = w;
            heights[l] = h;
        }
        return new Thumbnail(width, height, width / (double) tw, levels, widths, heights);
    }

    /**
     * How far the content moved from {@code previous} to {@code current}, in frame pixels; null when it cannot
     * be told (frames of different sizes, too little texture, or a shift beyond the search range).
     */
    public static Shift estimate(Thumbnail previous, Thumbnail current) {
        if (!current.comparableTo(previous)) {
            return null;
        }
        int top = LEVELS - 1;
        int w = current.widths[top];
        int h = current.heights[top];
        if (w <= 2 * COARSE_RADIUS + 4 || h <= 2 * COARSE_RADIUS + 4) {
            return null;
        }
        int bestX = 0;
        int bestY = 0;
        double best = Double.MAX_VALUE;
        double sum = 0;
        int count = 0;
        for (int dy = -COARSE_RADIUS; dy <= COARSE_RADIUS; dy++) {
            for (int dx = -COARSE_RADIUS; dx <= COARSE_RADIUS; dx++) {
                double c = cost(previous.levels[top], current.levels[top], w, h, dx, dy);
                sum += c;
                count++;
                if (c < best) {
                    best = c;
                    bestX = dx;
                    bestY = dy;
                }
            }
        }
        if (sum / count - best < MIN_CONTRAST || Math.abs(bestX) == COARSE_RADIUS || Math.abs(bestY) == COARSE_RADIUS) {
            return null;
        }
        double[] costs = new double[(2 * REFINE_RADIUS + 1) * (2 * REFINE_RADIUS + 1)];
        for (int l = top - 1; l >= 0; l--) {
            int lw = current.widths[l];
            int lh = current.heights[l];
            int cx = 2 * bestX;
            int cy = 2 * bestY;
            best = Double.MAX_VALUE;
            for (int dy = -REFINE_RADIUS; dy <= REFINE_RADIUS; dy++) {
                for (int dx = -REFINE_RADIUS; dx <= REFINE_RADIUS; dx++) {
                    double c = cost(previous.levels[l], current.levels[l], lw, lh, cx + dx, cy + dy);
                    costs[(dy + REFINE_RADIUS) * (2 * REFINE_RADIUS + 1) + dx + REFINE_RADIUS] = c;
                    if (c < best) {
                        best = c;
                        bestX = cx + dx;
                        bestY = cy + dy;
                    }
                }
            }
        }
        // Sub-pixel: a V through the finest costs around the best shift, along each axis.
        int side = 2 * REFINE_RADIUS + 1;
        double subX = 0;
        double subY = 0;
        int bx = indexOfMin(costs) % side;
        int by = indexOfMin(costs) / side;
        if (bx > 0 && bx < side - 1) {
            subX = subPixel(costs[by * side + bx - 1], costs[by * side + bx], costs[by * side + bx + 1]);
        }
        if (by > 0 && by < side - 1) {
            subY = subPixel(costs[(by - 1) * side + bx], costs[by * side + bx], costs[(by + 1) * side + bx]);
        }
        return new Shift((bestX + subX) * current.scale, (bestY + subY) * current.scale);
    }

    private static int indexOfMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Offset of the minimum of the symmetric V through (-1, a), (0, b), (1, c), within ±0.5 (equiangular line
     * fitting, which suits an absolute-difference cost: it is V-shaped near its minimum, not parabolic).
     */
    static double subPixel(double a, double b, double c) {
        double rise = Math.max(a, c) - b;
        if (rise <= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, (a - c) / (2 * rise)));
    }

    /**
     * Mean truncated absolute difference between {@code previous} at (x, y) and {@code current} at (x + dx,
     * y + dy), over the pixels where both exist.
     */
    static double cost(int[] previous, int[] current, int w, int h, int dx, int dy) {
        int x0 = Math.max(0, -dx);
        int x1 = Math.min(w, w - dx);
        int y0 = Math.max(0, -dy);
        int y1 = Math.min(h, h - dy);
        if (x1 - x0 < w / 2 || y1 - y0 < h / 2) {
            return Double.MAX_VALUE / 4;
        }
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            int p = y * w;
            int c = (y + dy) * w + dx;
            for (int x = x0; x < x1; x++) {
                int d = Math.abs(current[c + x] - previous[p + x]);
                sum += Math.min(d, TRUNCATION);
            }
        }
        return sum / (double) ((long) (x1 - x0) * (y1 - y0));
    }
}
