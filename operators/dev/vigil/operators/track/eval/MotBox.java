package dev.vigil.operators.track.eval;

/**
 * One row of a MOTChallenge text file (det.txt, gt.txt or a tracker result).
 *
 * @param frame 1-based frame number
 * @param id track id (-1 for detections)
 * @param x left, pixels
 * @param y top, pixels
 * @param w width, pixels
 * @param h height, pixels
 * @param conf detection confidence; in gt.txt the "consider" flag (0 = ignore)
 * @param classId MOT16/17 class (1 = pedestrian); 1 when the file has no class column (2DMOT2015)
 * @param visibility visible fraction from MOT16/17 gt; -1 when absent
 */
public record MotBox(int frame, int id, double x, double y, double w, double h, double conf, int classId,
        double visibility) {

    public double[] corners() {
        return new double[] {x, y, x + w, y + h};
    }
}
