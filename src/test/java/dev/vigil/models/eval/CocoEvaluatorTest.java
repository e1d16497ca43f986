package dev.vigil.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The COCO metric on cases whose answer is known by construction (worked out by hand below, with
 * 101-point interpolated precision as pycocotools computes it).
 */
class CocoEvaluatorTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final int PERSON = 1;
    private static final int CAR = 3;

    private final List<CocoImage> images = new ArrayList<>();
    private final List<CocoAnnotation> gt = new ArrayList<>();
    private final List<CocoDetection> dt = new ArrayList<>();

    private void image(long id) {
        images.add(new CocoImage(id, id + ".jpg", 640, 480));
    }

    private void object(long image, int category, double x, double y, double w, double h) {
        gt.add(new CocoAnnotation(gt.size() + 1, image, category, new Box(x, y, w, h), w * h, false));
    }

    private void crowd(long image, int category, double x, double y, double w, double h) {
        gt.add(new CocoAnnotation(gt.size() + 1, image, category, new Box(x, y, w, h), w * h, true));
    }

    private void detection(long image, int category, double score, double x, double y, double w, double h) {
        dt.add(new CocoDetection(image, category, new Box(x, y, w, h), score));
    }

    private CocoMetrics evaluate() {
        return CocoEvaluator.evaluate(new CocoDataset(images, gt,
                List.of(new CocoCategory(PERSON, "person"), new CocoCategory(CAR, "car"))), dt);
    }

    @Test
    void perfectDetectionsScoreOne() {
        image(1);
        image(2);
        object(1, PERSON, 10, 10, 50, 120);
        object(1, PERSON, 200, 40, 60, 150);
        object(1, CAR, 300, 300, 200, 100);
        object(2, CAR, 5, 5, 20, 20);
        object(2, PERSON, 400, 100, 40, 40);
        for (CocoAnnotation a : gt) {
            detection(a.imageId(), a.categoryId(), 0.9, a.bbox().x(), a.bbox().y(), a.bbox().width(),
                    a.bbox().height());
        }

        CocoMetrics m = evaluate();

        assertThat(m.ap()).isEqualTo(1.0, EXACT);
        assertThat(m.ap50()).isEqualTo(1.0, EXACT);
        assertThat(m.ap75()).isEqualTo(1.0, EXACT);
        assertThat(m.apSmall()).isEqualTo(1.0, EXACT);
        assertThat(m.apMedium()).isEqualTo(1.0, EXACT);
        assertThat(m.apLarge()).isEqualTo(1.0, EXACT);
        assertThat(m.ar100()).isEqualTo(1.0, EXACT);
        assertThat(m.perCategory()).extracting(CocoMetrics.CategoryAp::ap).containsExactly(1.0, 1.0);
    }

    @Test
    void aFalsePositiveRankedAboveTheHitHalvesPrecision() {
        // Ranked: FP (recall 0, precision 0), then TP (recall 1, precision 1/2). Made monotonic from
        // the right, precision is 1/2 at every recall point, at every IoU threshold.
        image(1);
        object(1, PERSON, 100, 100, 100, 100);
        detection(1, PERSON, 0.9, 300, 300, 100, 100);
        detection(1, PERSON, 0.8, 100, 100, 100, 100);

        CocoMetrics m = evaluate();

        assertThat(m.ap50()).isEqualTo(0.5, EXACT);
        assertThat(m.ap()).isEqualTo(0.5, EXACT);
    }

    @Test
    void aFalsePositiveRankedBelowTheHitCostsNothing() {
        // Recall reaches 1 at precision 1 before the FP: every recall point reads precision 1.
        image(1);
        object(1, PERSON, 100, 100, 100, 100);
        detection(1, PERSON, 0.9, 100, 100, 100, 100);
        detection(1, PERSON, 0.8, 300, 300, 100, 100);

        assertThat(evaluate().ap()).isEqualTo(1.0, EXACT);
    }

    @Test
    void halfTheObjectsMissedGivesPrecisionOneUpToRecallOneHalf() {
        // Recall 1/4, 1/2 at precision 1; recall points 0, .01 … .50 (51 of 101) read 1, the rest 0.
        image(1);
        image(2);
        object(1, PERSON, 10, 10, 100, 100);
        object(1, PERSON, 300, 10, 100, 100);
        object(2, PERSON, 10, 10, 100, 100);
        object(2, PERSON, 300, 10, 100, 100);
        detection(1, PERSON, 0.9, 10, 10, 100, 100);
        detection(2, PERSON, 0.7, 300, 10, 100, 100);

        CocoMetrics m = evaluate();

        assertThat(m.ap50()).isEqualTo(51.0 / 101, EXACT);
        assertThat(m.ap()).isEqualTo(51.0 / 101, EXACT);
        assertThat(m.ar100()).isEqualTo(0.5, EXACT);
    }

    @Test
    void aLooseBoxCountsOnlyAtTheThresholdsItReaches() {
        // IoU 0.62: a hit at .50, .55 and .60, a miss from .65 up, so mAP = 3/10 of AP50.
        image(1);
        object(1, PERSON, 0, 0, 100, 100);
        detection(1, PERSON, 0.9, 0, 0, 62, 100);

        CocoMetrics m = evaluate();

        assertThat(m.ap50()).isEqualTo(1.0, EXACT);
        assertThat(m.ap75()).isEqualTo(0.0, EXACT);
        assertThat(m.ap()).isEqualTo(0.3, EXACT);
    }

    @Test
    void eachObjectIsMatchedOnceSoADuplicateIsAFalsePositive() {
        // Two detections on one object: the second is an FP but comes after full recall.
        // Two objects, the duplicate ranked between the hits: recall .5 @ 1, then FP, then recall 1 @ 2/3.
        image(1);
        object(1, PERSON, 0, 0, 100, 100);
        object(1, PERSON, 300, 0, 100, 100);
        detection(1, PERSON, 0.9, 0, 0, 100, 100);
        detection(1, PERSON, 0.8, 1, 1, 100, 100);
        detection(1, PERSON, 0.7, 300, 0, 100, 100);

        CocoMetrics m = evaluate();

        // points 0 … .50 read 1 (51), .51 … 1 read 2/3 (50)
        assertThat(m.ap50()).isEqualTo((51 + 50 * (2.0 / (3 + Math.ulp(1.0)))) / 101, EXACT);
    }

    @Test
    void detectionsOnACrowdRegionAreIgnoredAndTheCrowdIsNeverMissed() {
        // Image 1: one person (found) and a crowd with two detections ranked above the hit; they
        // overlap the crowd only by their own area (IoU = intersection / detection area = 1).
        // Image 2: only a crowd, not detected: not a miss.
        image(1);
        image(2);
        object(1, PERSON, 10, 10, 50, 100);
        crowd(1, PERSON, 200, 0, 400, 300);
        crowd(2, PERSON, 0, 0, 300, 300);
        detection(1, PERSON, 0.95, 250, 50, 40, 80);
        detection(1, PERSON, 0.93, 400, 50, 40, 80);
        detection(1, PERSON, 0.9, 10, 10, 50, 100);

        CocoMetrics m = evaluate();

        assertThat(m.ap()).isEqualTo(1.0, EXACT);
        assertThat(m.ar100()).isEqualTo(1.0, EXACT);
        assertThat(m.perCategory()).singleElement()
                .satisfies(c -> assertThat(c.objects()).as("crowds are not objects to find").isEqualTo(1));
    }

    @Test
    void withoutTheCrowdFlagTheSameDetectionsAreFalsePositives() {
        image(1);
        object(1, PERSON, 10, 10, 50, 100);
        object(1, PERSON, 200, 0, 400, 300);
        detection(1, PERSON, 0.95, 250, 50, 40, 80);
        detection(1, PERSON, 0.9, 10, 10, 50, 100);

        // FP, then TP (recall 1/2, precision 1/2): points 0 … .50 read 1/2.
        assertThat(evaluate().ap50()).isEqualTo(51 * (1 / (2 + Math.ulp(1.0))) / 101, EXACT);
    }

    @Test
    void aCategoryWithoutGroundTruthIsLeftOutOfTheMean() {
        image(1);
        object(1, PERSON, 10, 10, 100, 100);
        detection(1, PERSON, 0.9, 10, 10, 100, 100);
        detection(1, CAR, 0.99, 300, 300, 100, 100); // no car anywhere: pycocotools' -1

        CocoMetrics m = evaluate();

        assertThat(m.ap()).isEqualTo(1.0, EXACT);
        assertThat(m.perCategory()).extracting(CocoMetrics.CategoryAp::name).containsExactly("person");
    }

    @Test
    void detectionsInImagesWithoutGroundTruthAreFalsePositives() {
        image(1);
        image(2); // a true negative
        object(1, PERSON, 10, 10, 100, 100);
        detection(2, PERSON, 0.9, 10, 10, 100, 100);
        detection(1, PERSON, 0.5, 10, 10, 100, 100);

        assertThat(evaluate().ap()).isEqualTo(1 / (2 + Math.ulp(1.0)), EXACT);
    }

    @Test
    void areaRangesUseTheAnnotationAreaAndIgnoreWhatIsOutsideThem() {
        image(1);
        // a 40x40 box whose segment is 900 px²: small by COCO's rule, though its box is medium
        gt.add(new CocoAnnotation(1, 1, PERSON, new Box(10, 10, 40, 40), 900, false));
        object(1, PERSON, 200, 100, 200, 200); // large
        detection(1, PERSON, 0.9, 200, 100, 200, 200);
        detection(1, PERSON, 0.8, 450, 300, 150, 150); // large FP, not near the small object

        CocoMetrics m = evaluate();

        assertThat(m.apSmall()).as("small object missed").isEqualTo(0.0, EXACT);
        assertThat(m.apMedium()).as("no medium objects").isEqualTo(-1.0);
        assertThat(m.apLarge()).isEqualTo(1.0, EXACT);
        assertThat(m.ap()).isEqualTo(51.0 / 101, EXACT); // recall 1/2 at precision 1, then an FP
    }

    @Test
    void aHitOnAnObjectOutsideTheRangeIsIgnoredNotAFalsePositive() {
        image(1);
        object(1, PERSON, 10, 10, 20, 20); // small
        object(1, PERSON, 200, 100, 200, 200); // large
        detection(1, PERSON, 0.95, 10, 10, 20, 20); // hits the small one, ranked first
        detection(1, PERSON, 0.9, 200, 100, 200, 200);

        CocoMetrics m = evaluate();

        assertThat(m.apLarge()).isEqualTo(1.0, EXACT);
        assertThat(m.apSmall()).isEqualTo(1.0, EXACT);
    }

    @Test
    void recallAtOneAndTenDetections() {
        image(1);
        object(1, PERSON, 0, 0, 100, 100);
        object(1, PERSON, 300, 0, 100, 100);
        detection(1, PERSON, 0.9, 0, 0, 100, 100);
        detection(1, PERSON, 0.8, 300, 0, 100, 100);

        CocoMetrics m = evaluate();

        assertThat(m.ar1()).isEqualTo(0.5, EXACT);
        assertThat(m.ar10()).isEqualTo(1.0, EXACT);
    }

    @Test
    void onlyTheHundredBestDetectionsOfAnImageAndCategoryCount() {
        image(1);
        object(1, PERSON, 0, 0, 100, 100);
        for (int i = 0; i < 100; i++) {
            detection(1, PERSON, 0.9, 500, 300, 10, 10);
        }
        detection(1, PERSON, 0.1, 0, 0, 100, 100); // the 101st: dropped

        assertThat(evaluate().ar100()).isEqualTo(0.0, EXACT);
    }

    @Test
    void refusesDetectionsOfUnknownImagesOrCategories() {
        image(1);
        object(1, PERSON, 0, 0, 100, 100);
        detection(7, PERSON, 0.9, 0, 0, 100, 100);
        assertThatThrownBy(this::evaluate).hasMessageContaining("image 7");
        dt.clear();
        detection(1, 44, 0.9, 0, 0, 100, 100);
        assertThatThrownBy(this::evaluate).hasMessageContaining("category 44");
    }

    @Test
    void crowdOverlapIsIntersectionOverTheDetection() {
        Box crowd = new Box(0, 0, 100, 100);
        Box inside = new Box(10, 10, 20, 20);
        Box half = new Box(90, 0, 20, 10);
        assertThat(inside.iou(crowd, true)).isEqualTo(1.0, EXACT);
        assertThat(inside.iou(crowd, false)).isEqualTo(400.0 / 10000, EXACT);
        assertThat(half.iou(crowd, true)).isEqualTo(0.5, EXACT);
        assertThat(new Box(200, 0, 5, 5).iou(crowd, true)).isZero();
    }

    @Test
    void thresholdsAreCocos() {
        assertThat(CocoEvaluator.IOU_THRESHOLDS).hasSize(10);
        assertThat(CocoEvaluator.IOU_THRESHOLDS[0]).isEqualTo(0.5);
        assertThat(CocoEvaluator.IOU_THRESHOLDS[9]).isEqualTo(0.95);
        assertThat(CocoEvaluator.RECALL_THRESHOLDS).hasSize(101);
        assertThat(CocoEvaluator.RECALL_THRESHOLDS[50]).isEqualTo(0.5);
        assertThat(CocoEvaluator.MAX_DETECTIONS).containsExactly(1, 10, 100);
    }
}
