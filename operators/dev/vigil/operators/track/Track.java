package dev.vigil.operators.track;

import java.util.Arrays;

/**
 * One track inside {@link ByteTracker}: mutable, owned by the tracker. Exposed (package-private
 * fields) to the tracker's state serializer only.
 */
final class Track {

    /** Most observations kept for the direction estimate (the newest, and those within its time span). */
    static final int MAX_HISTORY = 32;

    long id;
    int classId;
    String label;
    float score;
    final double[] mean = new double[KalmanBoxFilter.DIM];
    final double[] cov = new double[KalmanBoxFilter.DIM * KalmanBoxFilter.DIM];
    TrackState state;
    /** Consecutive matched frames while tentative; total matches afterwards. */
    int hits;
    /** Sequence of the frame that started the track. */
    long startFrame;
    /** Sequence of the last frame in which the track was matched. */
    long lastMatchFrame;
    /** The filter's mean and covariance right after the last observation: where a re-update starts. */
    final double[] observedMean = new double[KalmanBoxFilter.DIM];
    final double[] observedCov = new double[KalmanBoxFilter.DIM * KalmanBoxFilter.DIM];
    /** The last observation as a measurement {x, y, a, h}. */
    final double[] lastObservation = new double[4];
    /** Unit vector of the direction between observations {@code momentumSeconds} apart; 0, 0 when unknown. */
    double directionX;
    double directionY;
    /** Recent observations' frames and box centres, oldest first. */
    long[] historyFrame = new long[4];
    double[] historyX = new double[4];
    double[] historyY = new double[4];
    int historySize;

    Track copy() {
        Track t = new Track();
        t.id = id;
        t.classId = classId;
        t.label = label;
        t.score = score;
        System.arraycopy(mean, 0, t.mean, 0, mean.length);
        System.arraycopy(cov, 0, t.cov, 0, cov.length);
        t.state = state;
        t.hits = hits;
        t.startFrame = startFrame;
        t.lastMatchFrame = lastMatchFrame;
        System.arraycopy(observedMean, 0, t.observedMean, 0, observedMean.length);
        System.arraycopy(observedCov, 0, t.observedCov, 0, observedCov.length);
        System.arraycopy(lastObservation, 0, t.lastObservation, 0, lastObservation.length);
        t.directionX = directionX;
        t.directionY = directionY;
        t.historyFrame = historyFrame.clone();
        t.historyX = historyX.clone();
        t.historyY = historyY.clone();
        t.historySize = historySize;
        return t;
    }

    double[] box() {
        return KalmanBoxFilter.toBox(mean);
    }

    /**
     * Adds an observation's centre and forgets those a later direction can no longer start from: older
     * than {@code keepFrames} before the next frame.
     */
    void observe(long frame, double x, double y, int keepFrames) {
        int first = 0;
        while (first < historySize && historyFrame[first] < frame + 1 - keepFrames) {
            first++;
        }
        int kept = Math.min(historySize - first, MAX_HISTORY - 1);
        first = historySize - kept;
        if (kept + 1 > historyFrame.length) {
            int size = Math.min(MAX_HISTORY, Math.max(kept + 1, historyFrame.length * 2));
            historyFrame = Arrays.copyOf(historyFrame, size);
            historyX = Arrays.copyOf(historyX, size);
            historyY = Arrays.copyOf(historyY, size);
        }
        System.arraycopy(historyFrame, first, historyFrame, 0, kept);
        System.arraycopy(historyX, first, historyX, 0, kept);
        System.arraycopy(historyY, first, historyY, 0, kept);
        historyFrame[kept] = frame;
        historyX[kept] = x;
        historyY[kept] = y;
        historySize = kept + 1;
    }

    /**
     * The observation a direction to frame {@code frame} is measured from (OC-SORT's
     * {@code k_previous_obs}): the oldest one at most {@code deltaFrames} before it, else the newest;
     * -1 when there is none.
     */
    int previousObservation(long frame, int deltaFrames) {
        for (int i = 0; i < historySize; i++) {
            if (historyFrame[i] >= frame - deltaFrames && historyFrame[i] < frame) {
                return i;
            }
        }
        for (int i = historySize - 1; i >= 0; i--) {
            if (historyFrame[i] < frame) {
                return i;
            }
        }
        return -1;
    }

    /** Moves everything the track holds in image coordinates by {@code dx, dy} (camera motion). */
    void shift(double dx, double dy) {
        mean[0] += dx;
        mean[1] += dy;
        observedMean[0] += dx;
        observedMean[1] += dy;
        lastObservation[0] += dx;
        lastObservation[1] += dy;
        for (int i = 0; i < historySize; i++) {
            historyX[i] += dx;
            historyY[i] += dy;
        }
    }
}
