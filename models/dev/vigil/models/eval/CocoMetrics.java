package dev.vigil.models.eval;

import dev.vigil.models.eval.CocoEvaluator.AreaRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link CocoEvaluator} found: the twelve COCO summary figures and AP per category.
 * Averages leave out cells pycocotools marks -1 (no ground truth); a figure with nothing to
 * average is -1, as in pycocotools.
 */
public final class CocoMetrics {

    /** One category's figures over all object sizes, 100 detections. */
    public record CategoryAp(int categoryId, String name, int objects, double ap, double ap50, double ap75) {}

    private static final String[] STAT_NAMES = {
        "AP @[IoU=0.50:0.95 | area=   all | maxDets=100]",
        "AP @[IoU=0.50      | area=   all | maxDets=100]",
        "AP @[IoU=0.75      | area=   all | maxDets=100]",
        "AP @[IoU=0.50:0.95 | area= small | maxDets=100]",
        "AP @[IoU=0.50:0.95 | area=medium | maxDets=100]",
        "AP @[IoU=0.50:0.95 | area= large | maxDets=100]",
        "AR @[IoU=0.50:0.95 | area=   all | maxDets=  1]",
        "AR @[IoU=0.50:0.95 | area=   all | maxDets= 10]",
        "AR @[IoU=0.50:0.95 | area=   all | maxDets=100]",
        "AR @[IoU=0.50:0.95 | area= small | maxDets=100]",
        "AR @[IoU=0.50:0.95 | area=medium | maxDets=100]",
        "AR @[IoU=0.50:0.95 | area= large | maxDets=100]",
    };

    private final List<CocoCategory> categories;
    private final int[] objects;
    private final double[][][][][] precision; // [iou][recall point][category][area][maxDets]
    private final double[][][][] recall; // [iou][category][area][maxDets]
    private final double[] stats;

    CocoMetrics(List<CocoCategory> categories, int[] objects, double[][][][][] precision, double[][][][] recall) {
        this.categories = List.copyOf(categories);
        this.objects = objects.clone();
        this.precision = precision;
        this.recall = recall;
        int all = AreaRange.ALL.ordinal();
        int last = CocoEvaluator.MAX_DETECTIONS.length - 1;
        this.stats = new double[] {
            ap(-1, -1, all, last), ap(-1, 0, all, last), ap(-1, 5, all, last),
            ap(-1, -1, AreaRange.SMALL.ordinal(), last), ap(-1, -1, AreaRange.MEDIUM.ordinal(), last),
            ap(-1, -1, AreaRange.LARGE.ordinal(), last),
            ar(all, 0), ar(all, 1), ar(all, last),
            ar(AreaRange.SMALL.ordinal(), last), ar(AreaRange.MEDIUM.ordinal(), last),
            ar(AreaRange.LARGE.ordinal(), last),
        };
    }

    /** mAP@[.5:.95], all areas, 100 detections (COCO's headline figure). */
    public double ap() {
        return stats[0];
    }

    public double ap50() {
        return stats[1];
    }

    public double ap75() {
        return stats[2];
    }

    public double apSmall() {
        return stats[3];
    }

    public double apMedium() {
        return stats[4];
    }

    public double apLarge() {
        return stats[5];
    }

    public double ar1() {
        return stats[6];
    }

    public double ar10() {
        return stats[7];
    }

    public double ar100() {
        return stats[8];
    }

    /** The twelve figures in pycocotools' {@code stats} order. */
    public double[] stats() {
        return stats.clone();
    }

    /** AP per category that has ground truth (non-crowd objects), in category-id order. */
    public List<CategoryAp> perCategory() {
        int all = AreaRange.ALL.ordinal();
        int last = CocoEvaluator.MAX_DETECTIONS.length - 1;
        List<CategoryAp> list = new ArrayList<>();
        for (int k = 0; k < categories.size(); k++) {
            if (precision[0][0][k][all][last] < 0) {
                continue;
            }
            list.add(new CategoryAp(categories.get(k).id(), categories.get(k).name(), objects[k],
                    ap(k, -1, all, last), ap(k, 0, all, last), ap(k, 5, all, last)));
        }
        return list;
    }

    /** The summary as pycocotools prints it. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < stats.length; i++) {
            String kind = STAT_NAMES[i].startsWith("AP") ? "Average Precision" : "Average Recall   ";
            text.append(String.format(Locale.ROOT, " %s  (%s) = %.3f%n", kind, STAT_NAMES[i], stats[i]));
        }
        return text.toString();
    }

    /** A table of AP, AP50 and AP75 per category with ground truth, and its object count. */
    public String perCategoryTable() {
        List<CategoryAp> rows = perCategory();
        int width = Math.max(8, rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + width + "s %7s %6s %6s %6s%n", "category", "objects", "AP",
                "AP50", "AP75"));
        for (CategoryAp row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s %7d %6.3f %6.3f %6.3f%n", row.name(),
                    row.objects(), row.ap(), row.ap50(), row.ap75()));
        }
        return text.toString();
    }

    private double ap(int category, int iou, int area, int maxDets) {
        double sum = 0;
        int n = 0;
        for (int t = 0; t < precision.length; t++) {
            if (iou >= 0 && t != iou) {
                continue;
            }
            for (double[][][] atRecall : precision[t]) {
                for (int k = 0; k < categories.size(); k++) {
                    if (category >= 0 && k != category) {
                        continue;
                    }
                    double value = atRecall[k][area][maxDets];
                    if (value > -1) {
                        sum += value;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private double ar(int area, int maxDets) {
        double sum = 0;
        int n = 0;
        for (double[][][] atIou : recall) {
            for (double[][] atCategory : atIou) {
                double value = atCategory[area][maxDets];
                if (value > -1) {
                    sum += value;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }
}
