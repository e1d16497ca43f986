package dev.vigil.models.family;

/**
 * Post-processing limits: minimum score, NMS IoU threshold, most detections per image.
 */
public record Thresholds(float score, float iou, int maxDetections) {

    public Thresholds {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score threshold must be in [0, 1], got " + score);
        }
        if (!(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iou);
        }
        if (maxDetections <= 0) {
            throw new IllegalArgumentException("max detections must be positive, got " + maxDetections);
        }
    }

    /** These thresholds with each given value that is set (not NaN, not 0) taking precedence. */
    public Thresholds overriddenBy(float score, float iou, int maxDetections) {
        return new Thresholds(
                Float.isNaN(score) ? this.score : score,
                Float.isNaN(iou) ? this.iou : iou,
                maxDetections == 0 ? this.maxDetections : maxDetections);
    }
}
