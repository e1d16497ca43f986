package dev.vigil.models;

import dev.vigil.testing.TestData;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four catalogue models on the two shared test images must reproduce the detections listed in
 * the mirror's MODEL.md files (threshold 0.35, class-aware NMS 0.6): same classes and count, scores
 * within 0.02, every box edge within 6 px.
 */
class GoldenDetectionsTest {

    private static final float SCORE_TOLERANCE = 0.02f;
    private static final float EDGE_TOLERANCE = 6f;

    private static float maxScoreDeviation;
    private static float maxEdgeDeviation;

    @TempDir
    static Path emptyModelDir;

    record Expected(String label, float score, float x1, float y1, float x2, float y2) {}

    record Case(String model, String image, List<Expected> detections) {
        @Override
        public String toString() {
            return model + " on " + image;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("nanodet-plus-m-320", "bus.jpg", parse(
                        "bus 0.825 [6,221,808,724]; person 0.817 [46,394,229,904]; person 0.708 [218,402,342,862];"
                                + " person 0.630 [699,326,810,877]")),
                new Case("nanodet-plus-m-320", "dog.jpg", parse(
                        "dog 0.801 [129,215,313,540]; bicycle 0.507 [131,140,564,423]; car 0.471 [464,74,691,167];"
                                + " truck 0.448 [463,74,692,168]; person 0.367 [709,34,768,430]")),
                new Case("nanodet-plus-m-416", "bus.jpg", parse(
                        "person 0.774 [220,400,345,857]; person 0.764 [43,387,240,910]; bus 0.742 [3,230,799,760];"
                                + " person 0.676 [691,389,810,874]")),
                new Case("nanodet-plus-m-416", "dog.jpg", parse(
                        "dog 0.717 [129,228,315,541]; bicycle 0.716 [127,135,569,424]; car 0.642 [470,78,705,170];"
                                + " truck 0.375 [470,77,705,171]")),
                new Case("yolov6lite-s", "bus.jpg", parse(
                        "person 0.866 [218,396,347,854]; bus 0.863 [22,227,803,767]; person 0.861 [53,397,212,892];"
                                + " person 0.671 [663,460,813,875]; person 0.359 [0,625,75,861]")),
                new Case("yolov6lite-s", "dog.jpg", parse(
                        "dog 0.682 [133,208,342,541]; car 0.596 [469,80,695,169]; bicycle 0.526 [134,131,573,431]")),
                new Case("yolov6lite-l", "bus.jpg", parse(
                        "person 0.888 [50,393,221,898]; person 0.816 [216,400,347,861]; bus 0.781 [32,230,799,719];"
                                + " person 0.650 [668,329,812,867]; person 0.399 [700,460,811,867]")),
                new Case("yolov6lite-l", "dog.jpg", parse(
                        "dog 0.899 [130,215,319,542]; bicycle 0.791 [126,139,568,425]; car 0.498 [462,80,692,170];"
                                + " truck 0.371 [473,78,691,171]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesTheVerifiedDetections(Case c) {
        ModelSettings settings = TestData.modelFromMirror(c.model(), emptyModelDir).withThresholds(0.35f, 0.6f, 100);
        List<Detection> actual;
        try (Detector detector = Detectors.open(settings)) {
            actual = detector.detect(List.of(ImageFiles.readBgr(TestData.image(c.image())))).get(0).detections();
        }
        System.out.println(c + ": " + actual);

        assertThat(actual).hasSameSizeAs(c.detections());
        List<Expected> unmatched = new ArrayList<>(c.detections());
        for (Detection d : actual) {
            Expected best = unmatched.stream()
                    .filter(e -> e.label().equals(d.label()))
                    .min(Comparator.comparingDouble(e -> edgeDeviation(e, d)))
                    .orElseThrow(() -> new AssertionError("unexpected " + d + " in " + c));
            unmatched.remove(best);
            float scoreDeviation = Math.abs(best.score() - d.score());
            float edgeDeviation = edgeDeviation(best, d);
            synchronized (GoldenDetectionsTest.class) {
                maxScoreDeviation = Math.max(maxScoreDeviation, scoreDeviation);
                maxEdgeDeviation = Math.max(maxEdgeDeviation, edgeDeviation);
            }
            assertThat(scoreDeviation).as("score of %s vs %s", d, best).isLessThanOrEqualTo(SCORE_TOLERANCE);
            assertThat(edgeDeviation).as("box of %s vs %s", d, best).isLessThanOrEqualTo(EDGE_TOLERANCE);
        }
        assertThat(unmatched).as("expected detections not found").isEmpty();
    }

    @AfterAll
    static void reportDeviations() {
        System.out.printf(Locale.ROOT, "golden detections: max score deviation %.4f, max box edge deviation %.2f px%n",
                maxScoreDeviation, maxEdgeDeviation);
    }

    private static float edgeDeviation(Expected e, Detection d) {
        return Math.max(Math.max(Math.abs(e.x1() - d.x1()), Math.abs(e.y1() - d.y1())),
                Math.max(Math.abs(e.x2() - d.x2()), Math.abs(e.y2() - d.y2())));
    }

    /** Parses the MODEL.md table notation: {@code label score [x1,y1,x2,y2]; ...}. */
    private static List<Expected> parse(String table) {
        List<Expected> expected = new ArrayList<>();
        for (String item : table.split(";")) {
            String[] parts = item.strip().split(" ", 3);
            String[] box = parts[2].replaceAll("[\\[\\]]", "").split(",");
            expected.add(new Expected(parts[0], Float.parseFloat(parts[1]), Float.parseFloat(box[0]),
                    Float.parseFloat(box[1]), Float.parseFloat(box[2]), Float.parseFloat(box[3])));
        }
        return expected;
    }
}
