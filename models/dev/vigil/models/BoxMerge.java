package dev.vigil.models;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the detections of overlapping passes over one frame (the tiles of sliced inference and the full-frame
 * pass) into one set, class by class: an object seen twice must be reported once.
 *
 * <ul>
 *   <li>{@link Method#NMS}: of two boxes that match, the lower-scoring one is dropped.
 *   <li>{@link Method#MERGE}: the boxes that match the highest-scoring one are merged into it (their union, its
 *       score and class): a box cut by a tile edge joins its other part instead of staying half an object
 *       (SAHI's greedy non-maximum merging).
 * </ul>
 *
 * Two boxes match when their {@link Metric} reaches the threshold: intersection over union, or intersection over
 * the smaller box, which also matches the part of an object a tile cut off to the whole object.
 */
public final class BoxMerge {

    /** How matching boxes become one. */
    public enum Method { NMS, MERGE }

    /** How boxes are compared. */
    public enum Metric { IOU, IOS }

    private BoxMerge() {}

    /** The merged detections, highest score first. */
    public static List<Detection> merge(List<Detection> detections, Method method, Metric metric, double threshold) {
        List<Detection> byScore = new ArrayList<>(detections);
        byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
        boolean[] taken = new boolean[byScore.size()];
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < byScore.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Detection keeper = byScore.get(i);
            float x1 = keeper.x1();
            float y1 = keeper.y1();
            float x2 = keeper.x2();
            float y2 = keeper.y2();
            for (int j = i + 1; j < byScore.size(); j++) {
                Detection other = byScore.get(j);
                if (!taken[j] && other.classId() == keeper.classId() && match(keeper, other, metric) >= threshold) {
                    taken[j] = true;
                    if (method == Method.MERGE) {
                        x1 = Math.min(x1, other.x1());
                        y1 = Math.min(y1, other.y1());
                        x2 = Math.max(x2, other.x2());
                        y2 = Math.max(y2, other.y2());
                    }
                }
            }
            kept.add(new Detection(keeper.classId(), keeper.label(), keeper.score(), x1, y1, x2, y2));
        }
        return kept;
    }

    /** The metric of two boxes, 0 when they do not intersect or one is empty. */
    static double match(Detection a, Detection b, Metric metric) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double areaA = (double) a.width() * a.height();
        double areaB = (double) b.width() * b.height();
        double denominator = metric == Metric.IOU ? areaA + areaB - inter : Math.min(areaA, areaB);
        return denominator <= 0 ? 0 : inter / denominator;
    }
}
