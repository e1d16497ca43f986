package dev.vigil.models;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the detections of overlapping passes over one frame (the tiles of sliced inference and the full-frame
 * pass) into one set, greedily from the highest score down: an object seen twice must be reported once.
 *
 * <ul>
 *   <li>{@link Method#NMS}: of two boxes that match, the lower-scoring one is dropped.
 *   <li>{@link Method#MERGE}: the boxes that match the highest-scoring one are merged into it (their union, its
 *       score and class), SAHI's greedy non-maximum merging.
 *   <li>{@link Method#SEAM}: as NMS, except for boxes a tile edge cut ({@link CutSides}). Such a box is part of
 *       an object, so it is compared with others by intersection over the smaller box, whatever the metric;
 *       and where the keeper itself is cut, each cut side is taken from a matching box that reaches further on
 *       that side (a neighbouring tile's or the full frame's), so the object gets its whole extent back.
 * </ul>
 *
 * Why not the union of everything that matches: with many boxes per frame (as COCO evaluation keeps, down to
 * score 0.001) a confident box absorbs every lower-scored box of its class that it lies in, and intersection over
 * the smaller box is 1 for any box inside another; on the coco128 mosaics most confident boxes grew many times
 * over. Sides no tile edge cut are what the model saw, and are kept.
 *
 * Two boxes match when their {@link Metric} reaches the threshold: intersection over union, or intersection over
 * the smaller box, which also matches the part of an object a tile cut off to the whole object. Boxes of
 * different classes match only when merging is class-agnostic; the keeper's class wins.
 */
public final class BoxMerge {

    /** How matching boxes become one. */
    public enum Method { NMS, MERGE, SEAM }

    /** How boxes are compared. */
    public enum Metric { IOU, IOS }

    private BoxMerge() {}

    /** The merged detections of boxes no tile edge cut, class by class, highest score first. */
    public static List<Detection> merge(List<Detection> detections, Method method, Metric metric, double threshold) {
        return merge(detections.stream().map(PassDetection::uncut).toList(), method, metric, threshold, false);
    }

    /**
     * The merged detections, highest score first.
     *
     * @param classAgnostic whether boxes of different classes may be one object (the keeper's class wins)
     */
    public static List<Detection> merge(List<PassDetection> detections, Method method, Metric metric,
            double threshold, boolean classAgnostic) {
        List<PassDetection> byScore = new ArrayList<>(detections);
        byScore.sort(Comparator.comparingDouble((PassDetection p) -> p.detection().score()).reversed());
        boolean[] taken = new boolean[byScore.size()];
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < byScore.size(); i++) {
            if (taken[i]) {
                continue;
            }
            PassDetection keeper = byScore.get(i);
            Extent extent = new Extent(keeper);
            // A part that grows may now reach parts it did not touch before: look again until it stops growing.
            boolean grew;
            do {
                grew = false;
                for (int j = i + 1; j < byScore.size(); j++) {
                    PassDetection other = byScore.get(j);
                    if (taken[j] || !classAgnostic && other.detection().classId() != keeper.detection().classId()) {
                        continue;
                    }
                    if (extent.matches(other, method, metric, threshold)) {
                        taken[j] = true;
                        switch (method) {
                            case MERGE -> extent.union(other.detection());
                            case SEAM -> grew |= extent.extendCutSides(other);
                            case NMS -> { }
                        }
                    }
                }
            } while (grew);
            kept.add(extent.box());
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

    /** The box a keeper grows into while the boxes that match it are merged, with the sides still cut. */
    private static final class Extent {
        private final Detection keeper;
        private Detection box;
        private CutSides cut;

        Extent(PassDetection keeper) {
            this.keeper = keeper.detection();
            box = this.keeper;
            cut = keeper.cut();
        }

        /**
         * Whether {@code other} is the same object. Greedy merging compares with the keeper as the model saw it,
         * as SAHI does; {@link Method#SEAM} with the extent grown so far, so that the parts of an object larger
         * than a tile all meet the box their first part grew into, and a box cut by a tile edge on either side
         * is compared as a part, by intersection over the smaller box.
         */
        boolean matches(PassDetection other, Method method, Metric metric, double threshold) {
            if (method != Method.SEAM) {
                return match(keeper, other.detection(), metric) >= threshold;
            }
            boolean part = cut.any() || other.cut().any();
            return match(box, other.detection(), part ? Metric.IOS : metric) >= threshold;
        }

        void union(Detection other) {
            box = resized(Math.min(box.x1(), other.x1()), Math.min(box.y1(), other.y1()),
                    Math.max(box.x2(), other.x2()), Math.max(box.y2(), other.y2()));
        }

        /**
         * Each cut side that {@code other} reaches past takes its side, and whether that one is cut.
         *
         * @return whether the extent grew
         */
        boolean extendCutSides(PassDetection other) {
            Detection d = other.detection();
            boolean left = cut.left() && d.x1() < box.x1();
            boolean top = cut.top() && d.y1() < box.y1();
            boolean right = cut.right() && d.x2() > box.x2();
            boolean bottom = cut.bottom() && d.y2() > box.y2();
            if (!(left || top || right || bottom)) {
                return false;
            }
            box = resized(left ? d.x1() : box.x1(), top ? d.y1() : box.y1(), right ? d.x2() : box.x2(),
                    bottom ? d.y2() : box.y2());
            cut = new CutSides(left ? other.cut().left() : cut.left(), top ? other.cut().top() : cut.top(),
                    right ? other.cut().right() : cut.right(), bottom ? other.cut().bottom() : cut.bottom());
            return true;
        }

        /** The extent with the keeper's class and score. */
        Detection box() {
            return box;
        }

        private Detection resized(float x1, float y1, float x2, float y2) {
            return new Detection(keeper.classId(), keeper.label(), keeper.score(), x1, y1, x2, y2);
        }
    }
}
