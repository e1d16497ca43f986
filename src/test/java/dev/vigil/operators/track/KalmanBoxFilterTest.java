package dev.vigil.operators.track;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KalmanBoxFilterTest {

    private static final int D = KalmanBoxFilter.DIM;

    @Test
    void initiateStartsAtTheMeasurementWithZeroVelocityAndHeightScaledVariance() {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        KalmanBoxFilter.initiate(new double[] {100, 50, 0.5, 80}, mean, cov);

        assertThat(mean).containsExactly(100, 50, 0.5, 80, 0, 0, 0, 0);
        assertThat(cov[0]).isCloseTo(Math.pow(2 * 80 / 20.0, 2), within(1e-9));
        assertThat(cov[4 * D + 4]).isCloseTo(Math.pow(10 * 80 / 160.0, 2), within(1e-9));
        assertThat(cov[1]).isZero();
    }

    @Test
    void theCalibratedStartIsAsUncertainAsItsMeasurementAndItsStep() {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        KalmanBoxFilter.initiateCalibrated(new double[] {100, 50, 0.5, 80}, mean, cov, 3);

        assertThat(mean).containsExactly(100, 50, 0.5, 80, 0, 0, 0, 0);
        assertThat(cov[0]).isCloseTo(Math.pow(2 * 80 / 20.0, 2), within(1e-9));
        assertThat(cov[2 * D + 2]).isCloseTo(Math.pow(2 * KalmanBoxFilter.ASPECT_MEASUREMENT_STD, 2), within(1e-12));
        assertThat(cov[4 * D + 4]).isCloseTo(Math.pow(3 * 10 * 80 / 160.0, 2), within(1e-9));
    }

    /** The aspect ratio estimated after a first box of aspect 0.7 and three more of 0.45. */
    private static double aspectAfterAWrongFirstShape(boolean calibrated) {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        double[] first = {100, 100, 0.7, 200};
        if (calibrated) {
            KalmanBoxFilter.initiateCalibrated(first, mean, cov, 1);
        } else {
            KalmanBoxFilter.initiate(first, mean, cov);
        }
        for (int i = 0; i < 3; i++) {
            KalmanBoxFilter.predict(mean, cov);
            KalmanBoxFilter.update(mean, cov, new double[] {100, 100, 0.45, 200});
        }
        return mean[2];
    }

    @Test
    void theCalibratedStartLetsLaterBoxesCorrectTheFirstShape() {
        assertThat(aspectAfterAWrongFirstShape(true)).isCloseTo(0.45, within(0.03));
        // ByteTrack's start trusts the first box ten times more than a measurement deserves.
        assertThat(aspectAfterAWrongFirstShape(false)).isGreaterThan(0.65);
    }

    /** The velocity (pixels per step) learnt from two boxes 15 px apart, one step of {@code stepFrames} apart. */
    private static double velocityFromTwoBoxes(double stepFrames) {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        KalmanBoxFilter.initiateCalibrated(new double[] {100, 200, 0.4, 100}, mean, cov, stepFrames);
        KalmanBoxFilter.predict(mean, cov);
        KalmanBoxFilter.update(mean, cov, new double[] {115, 200, 0.4, 100});
        return mean[4];
    }

    @Test
    void aLongerStepLetsTwoBoxesTeachMoreOfTheMotion() {
        // One frame at 30 fps: ByteTrack's uncertainty, a quarter of the 15 px is taken as velocity.
        assertThat(velocityFromTwoBoxes(1)).isBetween(3.0, 4.5);
        // A 10 fps step: most of it.
        assertThat(velocityFromTwoBoxes(3)).isBetween(10.0, 15.0);
    }

    @Test
    void predictMovesByTheVelocityAndGrowsTheUncertainty() {
        double[] mean = {100, 50, 0.5, 80, 3, -2, 0, 1};
        double[] cov = new double[D * D];
        for (int i = 0; i < D; i++) {
            cov[i * D + i] = 1;
        }
        KalmanBoxFilter.predict(mean, cov);

        assertThat(mean).containsExactly(103, 48, 0.5, 81, 3, -2, 0, 1);
        // P' = F P Fᵀ + Q: position variance 1 + 1 + Q, position/velocity covariance 1.
        assertThat(cov[0]).isCloseTo(2 + Math.pow(80 / 20.0, 2), within(1e-9));
        assertThat(cov[0 * D + 4]).isCloseTo(1, within(1e-12));
        assertThat(cov[4 * D + 0]).isCloseTo(1, within(1e-12));
        assertThat(cov[4 * D + 4]).isCloseTo(1 + Math.pow(80 / 160.0, 2), within(1e-9));
    }

    @Test
    void updatePullsTheMeanTowardsTheMeasurementAndShrinksTheUncertainty() {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        KalmanBoxFilter.initiate(new double[] {100, 50, 0.5, 80}, mean, cov);
        KalmanBoxFilter.predict(mean, cov);
        double before = cov[0];

        KalmanBoxFilter.update(mean, cov, new double[] {110, 50, 0.5, 80});

        assertThat(mean[0]).isBetween(100.0, 110.0);
        assertThat(mean[4]).isPositive(); // it learns the object moves right
        assertThat(cov[0]).isLessThan(before);
    }

    @Test
    void learnsAConstantVelocity() {
        double[] mean = new double[D];
        double[] cov = new double[D * D];
        KalmanBoxFilter.initiate(new double[] {0, 0, 0.5, 100}, mean, cov);
        for (int t = 1; t <= 30; t++) {
            KalmanBoxFilter.predict(mean, cov);
            KalmanBoxFilter.update(mean, cov, new double[] {5.0 * t, -2.0 * t, 0.5, 100});
        }
        assertThat(mean[4]).isCloseTo(5, within(0.1));
        assertThat(mean[5]).isCloseTo(-2, within(0.1));
        KalmanBoxFilter.predict(mean, cov);
        assertThat(mean[0]).isCloseTo(155, within(1.0));
    }

    @Test
    void invertsA4x4Matrix() {
        double[] m = {4, 1, 0, 2, 1, 3, 0, 0, 0, 0, 2, 1, 2, 0, 1, 5};
        double[] inv = KalmanBoxFilter.invert4(m);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += m[i * 4 + k] * inv[k * 4 + j];
                }
                assertThat(sum).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void boxAndMeasurementConvertBothWays() {
        double[] z = KalmanBoxFilter.toMeasurement(10, 20, 50, 100);
        assertThat(z).containsExactly(30, 60, 0.5, 80);
        double[] mean = {30, 60, 0.5, 80, 0, 0, 0, 0};
        assertThat(KalmanBoxFilter.toBox(mean)).containsExactly(10, 20, 50, 100);
    }
}
