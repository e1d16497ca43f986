package dev.vigil.job.cli.bench;

import dev.vigil.models.processing.GlobalMotion;

import java.util.Random;

/**
 * The cost of camera-motion estimation per frame, as the screen step pays it: the frame's grey thumbnail and
 * its registration against the previous one, on a textured scene seen through a window that pans.
 */
final class CameraMotionBench {

    private CameraMotionBench() {}

    /** Milliseconds per frame of {@code width x height} over {@code frames} frames (after a warm-up). */
    static double millisPerFrame(int width, int height, int frames) {
        int margin = 64;
        int sceneWidth = width + 2 * margin;
        byte[] scene = texture(sceneWidth, height + 2 * margin, new Random(width));
        byte[][] views = new byte[8][];
        for (int i = 0; i < views.length; i++) {
            views[i] = window(scene, sceneWidth, margin + 7 * (i % 4) - 10, margin + 3 * (i % 3) - 3, width, height);
        }
        run(views, width, height, Math.min(50, frames));
        long start = System.nanoTime();
        run(views, width, height, frames);
        return (System.nanoTime() - start) / 1e6 / frames;
    }

    private static void run(byte[][] views, int width, int height, int frames) {
        GlobalMotion.Thumbnail previous = null;
        for (int f = 0; f < frames; f++) {
            GlobalMotion.Thumbnail current = GlobalMotion.thumbnail(views[f % views.length], width, height);
            if (previous != null) {
                GlobalMotion.estimate(previous, current);
            }
            previous = current;
        }
    }

    /** Value noise: random grey levels on a 16-pixel grid, bilinearly interpolated. */
    private static byte[] texture(int width, int height, Random random) {
        int cell = 16;
        int gw = width / cell + 2;
        int gh = height / cell + 2;
        int[] grid = new int[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextInt(256);
        }
        byte[] bgr = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            int gy = y / cell;
            double fy = (y % cell) / (double) cell;
            for (int x = 0; x < width; x++) {
                int gx = x / cell;
                double fx = (x % cell) / (double) cell;
                double v = (1 - fy) * ((1 - fx) * grid[gy * gw + gx] + fx * grid[gy * gw + gx + 1])
                        + fy * ((1 - fx) * grid[(gy + 1) * gw + gx] + fx * grid[(gy + 1) * gw + gx + 1]);
                byte b = (byte) v;
                bgr[3 * (y * width + x)] = b;
                bgr[3 * (y * width + x) + 1] = b;
                bgr[3 * (y * width + x) + 2] = b;
            }
        }
        return bgr;
    }

    private static byte[] window(byte[] scene, int sceneWidth, int x, int y, int width, int height) {
        byte[] out = new byte[3 * width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(scene, 3 * ((y + row) * sceneWidth + x), out, 3 * row * width, 3 * width);
        }
        return out;
    }
}
