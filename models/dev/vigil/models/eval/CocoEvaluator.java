package dev.vigil.models.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * COCO box evaluation, computed the way pycocotools' {@code COCOeval} (iouType {@code bbox}) does:
 *
 * <ul>
 *   <li>per image and category, detections sorted by score (stable) and cut to the 100 best;
 *       ground truth sorted with ignored objects last; each detection, best first, takes the
 *       unmatched object it overlaps most at IoU ≥ t (t = .50, .55 … .95);
 *   <li>crowd regions: overlap is intersection over the detection's area, they can be matched any
 *       number of times, and a detection matched to one is ignored (neither TP nor FP); a crowd
 *       region is never a miss;
 *   <li>area ranges all / small (&lt; 32²) / medium / large (&gt; 96²) by the annotation's
 *       {@code area} field; objects outside the range are ignored like crowds; unmatched
 *       detections outside the range are ignored;
 *   <li>precision at 101 recall points 0, .01 … 1, made monotonic from the right; recall at the
 *       last detection; per category, then averaged over categories that have ground truth
 *       (categories without any are left out, pycocotools' -1), detections in images without
 *       ground truth of their category being false positives.
 * </ul>
 *
 * <p>One class of some 340 lines on purpose: it follows pycocotools' COCOeval step by step (matching,
 * accumulation, summary), so that the two can be read side by side and checked against each other.
 */
public final class CocoEvaluator {

    /** IoU thresholds .50:.05:.95, computed as numpy's {@code linspace} does. */
    public static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    /** Recall points 0:.01:1, as numpy's {@code linspace}. */
    public static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);
    /** Detections per image (and category) for AR@1, AR@10 and everything @100. */
    public static final int[] MAX_DETECTIONS = {1, 10, 100};

    /** COCO's object-size ranges, by area in square pixels (bounds inclusive, as in pycocotools). */
    public enum AreaRange {
        ALL(0, 1e10), SMALL(0, 32 * 32), MEDIUM(32 * 32, 96 * 96), LARGE(96 * 96, 1e10);

        final double min;
        final double max;

        AreaRange(double min, double max) {
            this.min = min;
            this.max = max;
        }

        boolean excludes(double area) {
            return area < min || area > max;
        }
    }

    private static final double EPS = Math.ulp(1.0); // np.spacing(1)

    private CocoEvaluator() {}

    /**
     * Evaluates the detections against the dataset's ground truth, over all its images and
     * categories.
     *
     * @throws IllegalArgumentException if a detection names an image or category not in the dataset
     */
    public static CocoMetrics evaluate(CocoDataset groundTruth, List<CocoDetection> detections) {
        long[] imageIds = groundTruth.images().stream().mapToLong(CocoImage::id).sorted().toArray();
        List<CocoCategory> categories = new ArrayList<>(groundTruth.categories());
        categories.sort(Comparator.comparingInt(CocoCategory::id));
        Map<Integer, Integer> categoryIndex = new HashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            categoryIndex.put(categories.get(k).id(), k);
        }
        Map<Long, Integer> imageIndex = new HashMap<>();
        for (int i = 0; i < imageIds.length; i++) {
            imageIndex.put(imageIds[i], i);
        }
        int images = imageIds.length;
        int cats = categories.size();
        @SuppressWarnings("unchecked")
        List<CocoAnnotation>[] gts = new List[images * cats];
        @SuppressWarnings("unchecked")
        List<CocoDetection>[] dts = new List[images * cats];
        int[] gtCount = new int[cats];
        for (CocoAnnotation a : groundTruth.annotations()) {
            int k = categoryIndex.get(a.categoryId());
            add(gts, imageIndex.get(a.imageId()) * cats + k, a);
            if (!a.crowd()) {
                gtCount[k]++;
            }
        }
        for (CocoDetection d : detections) {
            Integer i = imageIndex.get(d.imageId());
            if (i == null) {
                throw new IllegalArgumentException("a detection refers to image " + d.imageId()
                        + ", which is not in the ground truth");
            }
            Integer k = categoryIndex.get(d.categoryId());
            if (k == null) {
                throw new IllegalArgumentException("a detection refers to category " + d.categoryId()
                        + ", which is not in the ground truth");
            }
            add(dts, i * cats + k, d);
        }

        int areas = AreaRange.values().length;
        int m = MAX_DETECTIONS.length;
        int t = IOU_THRESHOLDS.length;
        int r = RECALL_THRESHOLDS.length;
        int maxDet = MAX_DETECTIONS[m - 1];
        double[][][][][] precision = new double[t][r][cats][areas][m];
        double[][][][] recall = new double[t][cats][areas][m];
        for (double[][][][] a : precision) {
            for (double[][][] b : a) {
                for (double[][] c : b) {
                    for (double[] d : c) {
                        Arrays.fill(d, -1);
                    }
                }
            }
        }
        for (double[][][] a : recall) {
            for (double[][] b : a) {
                for (double[] c : b) {
                    Arrays.fill(c, -1);
                }
            }
        }

        for (int k = 0; k < cats; k++) {
            ImageCategory[] cells = new ImageCategory[images];
            for (int i = 0; i < images; i++) {
                List<CocoAnnotation> g = gts[i * cats + k];
                List<CocoDetection> d = dts[i * cats + k];
                if (g != null || d != null) {
                    cells[i] = new ImageCategory(g == null ? List.of() : g, d == null ? List.of() : d, maxDet);
                }
            }
            for (AreaRange range : AreaRange.values()) {
                List<ImageResult> results = new ArrayList<>();
                for (ImageCategory cell : cells) {
                    if (cell != null) {
                        results.add(cell.evaluate(range));
                    }
                }
                for (int mi = 0; mi < m; mi++) {
                    accumulate(results, MAX_DETECTIONS[mi], precision, recall, k, range.ordinal(), mi);
                }
            }
        }
        return new CocoMetrics(categories, gtCount, precision, recall);
    }

    private static <T> void add(List<T>[] lists, int index, T item) {
        if (lists[index] == null) {
            lists[index] = new ArrayList<>();
        }
        lists[index].add(item);
    }

    /** pycocotools {@code COCOeval.accumulate} for one category, area range and detection limit. */
    private static void accumulate(List<ImageResult> results, int maxDet, double[][][][][] precision,
            double[][][][] recall, int k, int a, int mi) {
        int npig = 0;
        int total = 0;
        for (ImageResult e : results) {
            for (boolean ignored : e.gtIgnore) {
                if (!ignored) {
                    npig++;
                }
            }
            total += Math.min(maxDet, e.scores.length);
        }
        if (npig == 0) {
            return;
        }
        int t = IOU_THRESHOLDS.length;
        double[] scores = new double[total];
        boolean[][] matched = new boolean[t][total];
        boolean[][] ignored = new boolean[t][total];
        int n = 0;
        for (ImageResult e : results) {
            int take = Math.min(maxDet, e.scores.length);
            System.arraycopy(e.scores, 0, scores, n, take);
            for (int ti = 0; ti < t; ti++) {
                System.arraycopy(e.dtMatched[ti], 0, matched[ti], n, take);
                System.arraycopy(e.dtIgnore[ti], 0, ignored[ti], n, take);
            }
            n += take;
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        // np.argsort(-scores, kind='mergesort'): stable, highest first
        Arrays.sort(order, (x, y) -> Double.compare(-scores[x], -scores[y]));

        double[] tp = new double[total];
        double[] fp = new double[total];
        double[] rc = new double[total];
        double[] pr = new double[total];
        for (int ti = 0; ti < t; ti++) {
            int nd = 0;
            double tpSum = 0;
            double fpSum = 0;
            for (int j = 0; j < total; j++) {
                int o = order[j];
                boolean ig = ignored[ti][o];
                if (matched[ti][o] && !ig) {
                    tpSum++;
                } else if (!matched[ti][o] && !ig) {
                    fpSum++;
                }
                tp[j] = tpSum;
                fp[j] = fpSum;
                nd++;
            }
            for (int j = 0; j < nd; j++) {
                rc[j] = tp[j] / npig;
                pr[j] = tp[j] / (fp[j] + tp[j] + EPS);
            }
            recall[ti][k][a][mi] = nd > 0 ? rc[nd - 1] : 0;
            for (int j = nd - 1; j > 0; j--) {
                if (pr[j] > pr[j - 1]) {
                    pr[j - 1] = pr[j];
                }
            }
            int j = 0;
            for (int ri = 0; ri < RECALL_THRESHOLDS.length; ri++) {
                // np.searchsorted(rc, recThr, side='left'); past the end, precision stays 0
                while (j < nd && rc[j] < RECALL_THRESHOLDS[ri]) {
                    j++;
                }
                precision[ti][ri][k][a][mi] = j < nd ? pr[j] : 0;
            }
        }
    }

    /** Matching results of one image and category in one area range (pycocotools evaluateImg). */
    private record ImageResult(double[] scores, boolean[][] dtMatched, boolean[][] dtIgnore, boolean[] gtIgnore) {}

    /** The ground truth and detections of one image and category, with their overlaps. */
    private static final class ImageCategory {
        private final List<CocoAnnotation> gt;
        private final List<CocoDetection> dt;
        private final double[][] ious; // [detection][ground truth], both in the orders above

        ImageCategory(List<CocoAnnotation> gt, List<CocoDetection> detections, int maxDet) {
            this.gt = gt;
            List<CocoDetection> sorted = new ArrayList<>(detections);
            sorted.sort(Comparator.comparingDouble(d -> -d.score())); // stable
            this.dt = sorted.subList(0, Math.min(maxDet, sorted.size()));
            ious = new double[dt.size()][gt.size()];
            for (int d = 0; d < dt.size(); d++) {
                for (int g = 0; g < gt.size(); g++) {
                    ious[d][g] = dt.get(d).bbox().iou(gt.get(g).bbox(), gt.get(g).crowd());
                }
            }
        }

        ImageResult evaluate(AreaRange range) {
            int g = gt.size();
            boolean[] ignore = new boolean[g];
            for (int i = 0; i < g; i++) {
                CocoAnnotation a = gt.get(i);
                ignore[i] = a.crowd() || range.excludes(a.area());
            }
            // stable: objects that count first, ignored ones last
            int[] gtOrder = new int[g];
            int n = 0;
            for (int i = 0; i < g; i++) {
                if (!ignore[i]) {
                    gtOrder[n++] = i;
                }
            }
            for (int i = 0; i < g; i++) {
                if (ignore[i]) {
                    gtOrder[n++] = i;
                }
            }
            boolean[] gtIgnore = new boolean[g];
            boolean[] crowd = new boolean[g];
            for (int i = 0; i < g; i++) {
                gtIgnore[i] = ignore[gtOrder[i]];
                crowd[i] = gt.get(gtOrder[i]).crowd();
            }
            int d = dt.size();
            int t = IOU_THRESHOLDS.length;
            boolean[][] dtMatched = new boolean[t][d];
            boolean[][] dtIgnore = new boolean[t][d];
            boolean[][] gtMatched = new boolean[t][g];
            for (int ti = 0; ti < t; ti++) {
                for (int di = 0; di < d; di++) {
                    double iou = Math.min(IOU_THRESHOLDS[ti], 1 - 1e-10);
                    int m = -1;
                    for (int gi = 0; gi < g; gi++) {
                        if (gtMatched[ti][gi] && !crowd[gi]) {
                            continue; // taken, and not a crowd region
                        }
                        if (m > -1 && !gtIgnore[m] && gtIgnore[gi]) {
                            break; // matched an object that counts; only ignored ones are left
                        }
                        double overlap = ious[di][gtOrder[gi]];
                        if (overlap < iou) {
                            continue;
                        }
                        iou = overlap;
                        m = gi;
                    }
                    if (m == -1) {
                        continue;
                    }
                    dtIgnore[ti][di] = gtIgnore[m];
                    dtMatched[ti][di] = true;
                    gtMatched[ti][m] = true;
                }
            }
            double[] scores = new double[d];
            for (int di = 0; di < d; di++) {
                CocoDetection det = dt.get(di);
                scores[di] = det.score();
                if (range.excludes(det.bbox().area())) {
                    for (int ti = 0; ti < t; ti++) {
                        if (!dtMatched[ti][di]) {
                            dtIgnore[ti][di] = true;
                        }
                    }
                }
            }
            return new ImageResult(scores, dtMatched, dtIgnore, gtIgnore);
        }
    }

    private static double[] linspace(double start, double stop, int num) {
        double[] values = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            values[i] = i * step + start;
        }
        values[num - 1] = stop;
        return values;
    }
}
