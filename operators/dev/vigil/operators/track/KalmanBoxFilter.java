package dev.vigil.operators.track;

/**
 * The constant-velocity Kalman filter of SORT/DeepSORT/ByteTrack for boxes in image space.
 *
 * <p>State (8): centre x, centre y, aspect ratio a = w/h, height h, and their velocities per
 * frame. Measurement (4): x, y, a, h. Process and measurement noise scale with the box height
 * ({@link #STD_WEIGHT_POSITION} = 1/20, {@link #STD_WEIGHT_VELOCITY} = 1/160), exactly as
 * ByteTrack's {@code kalman_filter.py}, so the tracker behaves the same on boxes of any size.
 *
 * <p>Mean and covariance are plain arrays (covariance row-major 8×8) owned by the caller; the
 * methods update them in place. The filter itself has no state.
 */
public final class KalmanBoxFilter {

    public static final int DIM = 8;
    static final double STD_WEIGHT_POSITION = 1.0 / 20;
    static final double STD_WEIGHT_VELOCITY = 1.0 / 160;

    private KalmanBoxFilter() {}

    /**
     * Standard deviation of the aspect-ratio measurement ({@link #update}). ByteTrack starts a track ten times surer
     * of its aspect ratio than that ({@link #initiate}); {@link #initiateCalibrated} starts it at twice the noise, as
     * position and height start.
     */
    static final double ASPECT_MEASUREMENT_STD = 1e-1;

    /** New mean and covariance for a first measurement {x, y, a, h}; velocities start at 0. ByteTrack's start. */
    public static void initiate(double[] measurement, double[] mean, double[] cov) {
        start(measurement, mean, cov, 1e-2, 1);
    }

    /**
     * New mean and covariance for a first measurement {x, y, a, h}, as uncertain as that one measurement is.
     * ByteTrack's start claims an aspect ratio known to 0.01 from a box measured to 0.1: the first box's shape then
     * sticks (a track started on a box half again too wide stays too wide for tens of frames, and misses its object
     * at IoU 0.5). Here the aspect ratio starts at twice its measurement noise, as the position and height do. The
     * velocity's uncertainty is ByteTrack's per frame of a 30 fps stream, times {@code stepFrames}, the frames of
     * that stream one step spans: at 10 fps an object moves three times as far per step, and the second box
     * teaches the filter most of that motion instead of a quarter of it.
     *
     * @param stepFrames the time between two steps of the stream, in frames at 30 fps (30 / its frame rate)
     */
    public static void initiateCalibrated(double[] measurement, double[] mean, double[] cov, double stepFrames) {
        start(measurement, mean, cov, 2 * ASPECT_MEASUREMENT_STD, stepFrames);
    }

    private static void start(double[] measurement, double[] mean, double[] cov, double aspectStd,
            double velocityScale) {
        double h = measurement[3];
        for (int i = 0; i < 4; i++) {
            mean[i] = measurement[i];
            mean[i + 4] = 0;
        }
        double v = 10 * STD_WEIGHT_VELOCITY * h * velocityScale;
        double[] std = {
            2 * STD_WEIGHT_POSITION * h, 2 * STD_WEIGHT_POSITION * h, aspectStd, 2 * STD_WEIGHT_POSITION * h,
            v, v, 1e-5 * velocityScale, v
        };
        java.util.Arrays.fill(cov, 0);
        for (int i = 0; i < DIM; i++) {
            cov[i * DIM + i] = std[i] * std[i];
        }
    }

    /** One frame ahead: mean = F·mean, cov = F·cov·Fᵀ + Q. */
    public static void predict(double[] mean, double[] cov) {
        double h = mean[3];
        for (int i = 0; i < 4; i++) {
            mean[i] += mean[i + 4];
        }
        // F = [[I, I], [0, I]]: FP adds row i+4 to row i, then PFᵀ adds column i+4 to column i.
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < DIM; c++) {
                cov[i * DIM + c] += cov[(i + 4) * DIM + c];
            }
        }
        for (int r = 0; r < DIM; r++) {
            for (int i = 0; i < 4; i++) {
                cov[r * DIM + i] += cov[r * DIM + i + 4];
            }
        }
        double[] std = {
            STD_WEIGHT_POSITION * h, STD_WEIGHT_POSITION * h, 1e-2, STD_WEIGHT_POSITION * h,
            STD_WEIGHT_VELOCITY * h, STD_WEIGHT_VELOCITY * h, 1e-5, STD_WEIGHT_VELOCITY * h
        };
        for (int i = 0; i < DIM; i++) {
            cov[i * DIM + i] += std[i] * std[i];
        }
    }

    /** Corrects mean and covariance with a measurement {x, y, a, h}. */
    public static void update(double[] mean, double[] cov, double[] measurement) {
        double h = mean[3];
        double[] r = {STD_WEIGHT_POSITION * h, STD_WEIGHT_POSITION * h, ASPECT_MEASUREMENT_STD, STD_WEIGHT_POSITION * h};
        // S = H·P·Hᵀ + R (top-left 4×4 of P plus R).
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s[i * 4 + j] = cov[i * DIM + j];
            }
            s[i * 4 + i] += r[i] * r[i];
        }
        double[] sInv = invert4(s);
        // K = P·Hᵀ·S⁻¹ (8×4): P's first four columns times S⁻¹.
        double[] k = new double[DIM * 4];
        for (int row = 0; row < DIM; row++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0;
                for (int l = 0; l < 4; l++) {
                    sum += cov[row * DIM + l] * sInv[l * 4 + j];
                }
                k[row * 4 + j] = sum;
            }
        }
        double[] innovation = new double[4];
        for (int i = 0; i < 4; i++) {
            innovation[i] = measurement[i] - mean[i];
        }
        for (int row = 0; row < DIM; row++) {
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                sum += k[row * 4 + j] * innovation[j];
            }
            mean[row] += sum;
        }
        // P = P - K·S·Kᵀ = P - K·(H·P), and H·P is P's first four rows.
        double[] hp = new double[4 * DIM];
        System.arraycopy(cov, 0, hp, 0, 4 * DIM);
        for (int row = 0; row < DIM; row++) {
            for (int c = 0; c < DIM; c++) {
                double sum = 0;
                for (int j = 0; j < 4; j++) {
                    sum += k[row * 4 + j] * hp[j * DIM + c];
                }
                cov[row * DIM + c] -= sum;
            }
        }
    }

    /** Inverse of a 4×4 matrix by Gauss-Jordan elimination with partial pivoting. */
    static double[] invert4(double[] m) {
        int n = 4;
        double[] a = m.clone();
        double[] inv = new double[16];
        for (int i = 0; i < n; i++) {
            inv[i * n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) {
                    pivot = r;
                }
            }
            if (a[pivot * n + col] == 0) {
                throw new ArithmeticException("singular innovation covariance");
            }
            if (pivot != col) {
                for (int c = 0; c < n; c++) {
                    double t = a[col * n + c];
                    a[col * n + c] = a[pivot * n + c];
                    a[pivot * n + c] = t;
                    t = inv[col * n + c];
                    inv[col * n + c] = inv[pivot * n + c];
                    inv[pivot * n + c] = t;
                }
            }
            double d = a[col * n + col];
            for (int c = 0; c < n; c++) {
                a[col * n + c] /= d;
                inv[col * n + c] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r * n + col];
                    if (f != 0) {
                        for (int c = 0; c < n; c++) {
                            a[r * n + c] -= f * a[col * n + c];
                            inv[r * n + c] -= f * inv[col * n + c];
                        }
                    }
                }
            }
        }
        return inv;
    }

    /** {x1, y1, x2, y2} to the measurement {centre x, centre y, w/h, h}. */
    public static double[] toMeasurement(double x1, double y1, double x2, double y2) {
        double w = x2 - x1;
        double h = Math.max(y2 - y1, 1e-6);
        return new double[] {x1 + w / 2, y1 + h / 2, w / h, h};
    }

    /** The box {x1, y1, x2, y2} of a state mean. */
    public static double[] toBox(double[] mean) {
        double w = mean[2] * mean[3];
        double h = mean[3];
        return new double[] {mean[0] - w / 2, mean[1] - h / 2, mean[0] + w / 2, mean[1] + h / 2};
    }
}
