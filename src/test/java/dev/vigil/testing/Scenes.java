package dev.vigil.testing;

import java.util.Random;

/** Synthetic camera views for tests of camera-motion estimation: a textured scene and windows cut from it. */
public final class Scenes {

    private Scenes() {}

    /** A smooth random texture (blobs of several sizes), BGR, as a scene seen by a camera. */
    public static byte[] scene(int width, int height, long seed) {
        Random random = new Random(seed);
        double[] grey = new double[width * height];
        for (int blob = 0; blob < 400; blob++) {
            double cx = random.nextDouble() * width;
            double cy = random.nextDouble() * height;
            double r = 4 + random.nextDouble() * width / 20.0;
            double v = random.nextDouble() * 200 - 100;
            int x0 = (int) Math.max(0, cx - 2 * r);
            int x1 = (int) Math.min(width, cx + 2 * r);
            int y0 = (int) Math.max(0, cy - 2 * r);
            int y1 = (int) Math.min(height, cy + 2 * r);
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    double d2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
                    grey[y * width + x] += v * Math.exp(-d2);
                }
            }
        }
        byte[] bgr = new byte[3 * width * height];
        for (int i = 0; i < grey.length; i++) {
            int g = (int) Math.max(0, Math.min(255, 128 + grey[i]));
            bgr[3 * i] = (byte) g;
            bgr[3 * i + 1] = (byte) g;
            bgr[3 * i + 2] = (byte) g;
        }
        return bgr;
    }

    /** The {@code width x height} window at (x, y) of a larger BGR scene. */
    public static byte[] window(byte[] scene, int sceneWidth, int x, int y, int width, int height) {
        byte[] out = new byte[3 * width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(scene, 3 * ((y + row) * sceneWidth + x), out, 3 * row * width, 3 * width);
        }
        return out;
    }
}
