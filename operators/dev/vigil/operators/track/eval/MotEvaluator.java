package dev.vigil.operators.track.eval;

import dev.vigil.operators.track.Assignment;
import dev.vigil.operators.track.ByteTracker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a tracker output against MOTChallenge ground truth with CLEAR-MOT (Bernardin &amp;
 * Stiefelhagen 2008) and the identity metrics IDF1/IDP/IDR (Ristani et al. 2016), following the
 * official devkit as implemented by TrackEval's MOTChallenge 2D benchmark:
 *
 * <ul>
 *   <li>Ground truth: only rows with class 1 (pedestrian) and a non-zero "consider" flag are
 *       evaluated. 2DMOT2015 files have no class column; all their rows are class 1.
 *   <li>Don't-care regions: per frame, tracker boxes are first matched one-to-one (IoU ≥ the
 *       threshold, optimal assignment) to all ground-truth rows; boxes matched to a distractor
 *       class (2 person on vehicle, 7 static person, 8 distractor, 12 reflection) are removed
 *       before scoring, so they count neither as TP nor FP.
 *   <li>CLEAR matching per frame: optimal assignment maximising IoU among pairs with IoU ≥ the
 *       threshold, with a large bonus for keeping the previous frame's pairing. An ID switch is a
 *       match whose tracker id differs from the last id the ground-truth object was matched to.
 *       MOTA = 1 − (FN + FP + IDsw) / GT; MOTP = mean IoU of matches.
 *   <li>Identity: a global one-to-one pairing of ground-truth and tracker trajectories maximising
 *       the number of frames in which the pair overlaps with IoU ≥ the threshold; IDTP is that
 *       number, IDF1 = 2·IDTP / (GT + tracker boxes).
 *   <li>MT/ML: ground-truth trajectories matched in more than 80% / less than 20% of their frames.
 * </ul>
 * Visibility is not used (the MOT17 pedestrian benchmark does not threshold on it).
 */
public final class MotEvaluator {

    /** MOT17 classes whose boxes are "don't care" regions. */
    public static final Set<Integer> DISTRACTOR_CLASSES = Set.of(2, 7, 8, 12);
    public static final int PEDESTRIAN = 1;
    private static final double EPS = 1e-9;

    private MotEvaluator() {}

    public static MotMetrics evaluate(List<MotBox> gt, List<MotBox> hyp) {
        return evaluate(gt, hyp, 0.5);
    }

    public static MotMetrics evaluate(List<MotBox> gt, List<MotBox> hyp, double iouThreshold) {
        return evaluate(gt, hyp, iouThreshold, Listener.NONE);
    }

    /** What the CLEAR matching decides, frame by frame, for whoever wants to explain a score. */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** Ground-truth object {@code gt} matched by tracker box {@code hyp}; {@code switched} when its id changed. */
        default void matched(int frame, MotBox gt, MotBox hyp, double iou, boolean switched) {}

        /** A tracker box matched to no ground truth (distractor matches already removed). */
        default void falsePositive(int frame, MotBox hyp) {}

        /** A ground-truth box no tracker box matched. */
        default void missed(int frame, MotBox gt) {}

        /** Called after every evaluated frame's boxes were reported. */
        default void frameDone(int frame, List<MotBox> gts, List<MotBox> hyps) {}
    }

    /** {@link #evaluate(List, List, double)}, telling {@code listener} each match, false positive and miss. */
    public static MotMetrics evaluate(List<MotBox> gt, List<MotBox> hyp, double iouThreshold, Listener listener) {
        TreeMap<Integer, List<MotBox>> gtByFrame = byFrame(gt);
        TreeMap<Integer, List<MotBox>> hypByFrame = byFrame(hyp);
        TreeMap<Integer, Boolean> frames = new TreeMap<>();
        gtByFrame.keySet().forEach(f -> frames.put(f, true));
        hypByFrame.keySet().forEach(f -> frames.put(f, true));

        Map<Integer, Integer> gtIndex = new HashMap<>();
        Map<Integer, Integer> hypIndex = new HashMap<>();
        List<List<MotBox>> gtFrames = new ArrayList<>();
        List<List<MotBox>> hypFrames = new ArrayList<>();
        List<Integer> frameNumbers = new ArrayList<>(frames.keySet());
        for (int frame : frameNumbers) {
            List<MotBox> gtAll = gtByFrame.getOrDefault(frame, List.of());
            List<MotBox> hyps = new ArrayList<>(hypByFrame.getOrDefault(frame, List.of()));
            if (gtAll.stream().anyMatch(g -> DISTRACTOR_CLASSES.contains(g.classId())) && !hyps.isEmpty()) {
                int[] m = Assignment.solve(iouCosts(hyps, gtAll), 1 - iouThreshold + EPS);
                List<MotBox> kept = new ArrayList<>();
                for (int i = 0; i < hyps.size(); i++) {
                    if (m[i] < 0 || !DISTRACTOR_CLASSES.contains(gtAll.get(m[i]).classId())) {
                        kept.add(hyps.get(i));
                    }
                }
                hyps = kept;
            }
            List<MotBox> gts = new ArrayList<>();
            for (MotBox g : gtAll) {
                if (g.classId() == PEDESTRIAN && g.conf() != 0) {
                    gts.add(g);
                    gtIndex.putIfAbsent(g.id(), gtIndex.size());
                }
            }
            hyps.forEach(h -> hypIndex.putIfAbsent(h.id(), hypIndex.size()));
            gtFrames.add(gts);
            hypFrames.add(hyps);
        }

        int ng = gtIndex.size();
        int nh = hypIndex.size();
        int[] prevStepHyp = new int[ng];
        int[] lastHyp = new int[ng];
        java.util.Arrays.fill(lastHyp, -1);
        long[] gtCount = new long[ng];
        long[] matchedCount = new long[ng];
        double[][] overlapCount = new double[ng][nh];
        long numGt = 0, numHyp = 0, tp = 0, idsw = 0;
        double iouSum = 0;
        for (int k = 0; k < gtFrames.size(); k++) {
            List<MotBox> gts = gtFrames.get(k);
            List<MotBox> hyps = hypFrames.get(k);
            numGt += gts.size();
            numHyp += hyps.size();
            int[] g = gts.stream().mapToInt(b -> gtIndex.get(b.id())).toArray();
            int[] h = hyps.stream().mapToInt(b -> hypIndex.get(b.id())).toArray();
            for (int gi : g) {
                gtCount[gi]++;
            }
            double[][] iou = new double[gts.size()][hyps.size()];
            double[][] cost = new double[gts.size()][hyps.size()];
            for (int i = 0; i < gts.size(); i++) {
                for (int j = 0; j < hyps.size(); j++) {
                    iou[i][j] = ByteTracker.iou(gts.get(i).corners(), hyps.get(j).corners());
                    if (iou[i][j] >= iouThreshold - EPS) {
                        overlapCount[g[i]][h[j]]++;
                        cost[i][j] = -(iou[i][j] + (prevStepHyp[g[i]] == h[j] + 1 ? 1000 : 0));
                    } else {
                        cost[i][j] = Double.POSITIVE_INFINITY;
                    }
                }
            }
            int[] m = Assignment.solve(cost, 0);
            int[] nextPrev = new int[ng];
            int frame = frameNumbers.get(k);
            boolean[] hypMatched = new boolean[hyps.size()];
            for (int i = 0; i < gts.size(); i++) {
                if (m[i] < 0) {
                    listener.missed(frame, gts.get(i));
                    continue;
                }
                int hi = h[m[i]];
                hypMatched[m[i]] = true;
                tp++;
                iouSum += iou[i][m[i]];
                boolean switched = lastHyp[g[i]] >= 0 && lastHyp[g[i]] != hi;
                if (switched) {
                    idsw++;
                }
                listener.matched(frame, gts.get(i), hyps.get(m[i]), iou[i][m[i]], switched);
                lastHyp[g[i]] = hi;
                nextPrev[g[i]] = hi + 1; // 0 = not matched in the previous frame
                matchedCount[g[i]]++;
            }
            System.arraycopy(nextPrev, 0, prevStepHyp, 0, ng);
            for (int j = 0; j < hyps.size(); j++) {
                if (!hypMatched[j]) {
                    listener.falsePositive(frame, hyps.get(j));
                }
            }
            listener.frameDone(frame, gts, hyps);
        }

        int mt = 0, ml = 0, tracks = 0;
        for (int i = 0; i < ng; i++) {
            if (gtCount[i] == 0) {
                continue;
            }
            tracks++;
            double ratio = (double) matchedCount[i] / gtCount[i];
            if (ratio > 0.8) {
                mt++;
            } else if (ratio < 0.2) {
                ml++;
            }
        }
        long idtp = 0;
        if (ng > 0 && nh > 0) {
            double[][] cost = new double[ng][nh];
            for (int i = 0; i < ng; i++) {
                for (int j = 0; j < nh; j++) {
                    cost[i][j] = -overlapCount[i][j];
                }
            }
            int[] m = Assignment.solve(cost, 0);
            for (int i = 0; i < ng; i++) {
                if (m[i] >= 0) {
                    idtp += (long) overlapCount[i][m[i]];
                }
            }
        }
        return new MotMetrics(numGt, numHyp, tp, numHyp - tp, numGt - tp, idsw, iouSum, tracks, mt, ml, idtp);
    }

    private static double[][] iouCosts(List<MotBox> rows, List<MotBox> cols) {
        double[][] cost = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                cost[i][j] = 1 - ByteTracker.iou(rows.get(i).corners(), cols.get(j).corners());
            }
        }
        return cost;
    }

    private static TreeMap<Integer, List<MotBox>> byFrame(List<MotBox> rows) {
        TreeMap<Integer, List<MotBox>> map = new TreeMap<>();
        for (MotBox b : rows) {
            map.computeIfAbsent(b.frame(), f -> new ArrayList<>()).add(b);
        }
        return map;
    }
}
