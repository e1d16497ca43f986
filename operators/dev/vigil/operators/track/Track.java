package dev.vigil.operators.track;

/**
 * One track inside {@link ByteTracker}: mutable, owned by the tracker. Exposed (package-private
 * fields) to the tracker's state serializer only.
 */
final class Track {

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
        return t;
    }

    double[] box() {
        return KalmanBoxFilter.toBox(mean);
    }
}
