package dev.vigil.models.processing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.vigil.testing.Scenes.scene;
import static dev.vigil.testing.Scenes.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GlobalMotionTest {

    @ParameterizedTest
    @CsvSource({"640, 360, 0, 0", "640, 360, 7, -3", "640, 360, -25, 14", "1920, 1080, 60, -33",
            "1920, 1080, -5, 2"})
    void findsAKnownShiftOfTheWholeImage(int width, int height, int dx, int dy) {
        byte[] scene = scene(width + 200, height + 200, 7);
        byte[] first = window(scene, width + 200, 100, 100, width, height);
        // The camera moves by (-dx, -dy): the content moves by (dx, dy).
        byte[] second = window(scene, width + 200, 100 - dx, 100 - dy, width, height);

        GlobalMotion.Shift shift = GlobalMotion.estimate(GlobalMotion.thumbnail(first, width, height),
                GlobalMotion.thumbnail(second, width, height));

        double tolerance = width / (double) GlobalMotion.THUMBNAIL_WIDTH;
        assertThat(shift).isNotNull();
        assertThat(shift.dx()).isCloseTo(dx, within(tolerance));
        assertThat(shift.dy()).isCloseTo(dy, within(tolerance));
    }

    @Test
    void findsAHalfPixelShift() {
        // Windows of a scene at twice the resolution, 5 px apart there, halved: 2.5 px apart.
        byte[] scene = scene(1000, 600, 5);
        byte[] first = halve(window(scene, 1000, 100, 100, 800, 400), 800, 400);
        byte[] second = halve(window(scene, 1000, 95, 100, 800, 400), 800, 400);

        GlobalMotion.Shift shift = GlobalMotion.estimate(GlobalMotion.thumbnail(first, 400, 200),
                GlobalMotion.thumbnail(second, 400, 200));

        assertThat(shift.dx()).isCloseTo(2.5, within(0.2));
        assertThat(shift.dy()).isCloseTo(0, within(0.2));
    }

    private static byte[] halve(byte[] bgr, int width, int height) {
        byte[] out = new byte[3 * (width / 2) * (height / 2)];
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width / 2; x++) {
                for (int c = 0; c < 3; c++) {
                    int sum = (bgr[3 * ((2 * y) * width + 2 * x) + c] & 0xff) + (bgr[3 * ((2 * y) * width + 2 * x + 1) + c] & 0xff)
                            + (bgr[3 * ((2 * y + 1) * width + 2 * x) + c] & 0xff)
                            + (bgr[3 * ((2 * y + 1) * width + 2 * x + 1) + c] & 0xff);
                    out[3 * (y * (width / 2) + x) + c] = (byte) (sum / 4);
                }
            }
        }
        return out;
    }

    @Test
    void anObjectMovingOnItsOwnDoesNotMoveTheEstimate() {
        int width = 640;
        int height = 360;
        byte[] scene = scene(width + 100, height + 100, 3);
        byte[] first = window(scene, width + 100, 50, 50, width, height);
        byte[] second = window(scene, width + 100, 40, 50, width, height); // content moves 10 px right
        // A bright 120x120 object moves 40 px left, against the camera.
        paint(first, width, 300, 100, 120, (byte) 250);
        paint(second, width, 260, 100, 120, (byte) 250);

        GlobalMotion.Shift shift = GlobalMotion.estimate(GlobalMotion.thumbnail(first, width, height),
                GlobalMotion.thumbnail(second, width, height));

        assertThat(shift.dx()).isCloseTo(10, within(2.0));
        assertThat(shift.dy()).isCloseTo(0, within(2.0));
    }

    @Test
    void aFlatImageGivesNoEstimate() {
        byte[] flat = new byte[3 * 640 * 360];
        java.util.Arrays.fill(flat, (byte) 90);
        assertThat(GlobalMotion.estimate(GlobalMotion.thumbnail(flat, 640, 360), GlobalMotion.thumbnail(flat, 640, 360)))
                .isNull();
    }

    @Test
    void framesOfDifferentSizesGiveNoEstimate() {
        assertThat(GlobalMotion.estimate(GlobalMotion.thumbnail(scene(640, 360, 1), 640, 360),
                GlobalMotion.thumbnail(scene(320, 180, 1), 320, 180))).isNull();
    }

    @Test
    void theSubPixelFitFindsTheMinimumOfAVBetweenSamples() {
        // Costs |x - 0.25| at -1, 0, 1.
        assertThat(GlobalMotion.subPixel(1.25, 0.25, 0.75)).isCloseTo(0.25, within(1e-9));
        assertThat(GlobalMotion.subPixel(1, 1, 1)).isZero();
    }

    private static void paint(byte[] bgr, int width, int x, int y, int size, byte value) {
        for (int row = y; row < y + size; row++) {
            java.util.Arrays.fill(bgr, 3 * (row * width + x), 3 * (row * width + x + size), value);
        }
    }
}
