package dev.vigil.models;


import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoxMergeTest {

    private static Detection car(float score, float x1, float y1, float x2, float y2) {
        return new Detection(2, "car", score, x1, y1, x2, y2);
    }

    private static Detection person(float score, float x1, float y1, float x2, float y2) {
        return new Detection(0, "person", score, x1, y1, x2, y2);
    }

    @Test
    void aBoxCutByATileEdgeJoinsItsOtherPartWhenMerging() {
        // A car from x 240 to 400 across the seam of tiles [0, 320) and [256, 576): the left tile sees 240..320,
        // the right one 256..400, the full-frame pass all of it.
        List<Detection> passes = List.of(car(0.6f, 240, 100, 320, 160), car(0.7f, 256, 100, 400, 160),
                car(0.5f, 241, 99, 399, 161));
        List<Detection> merged = BoxMerge.merge(passes, BoxMerge.Method.MERGE, BoxMerge.Metric.IOS, 0.5);
        assertThat(merged).containsExactly(car(0.7f, 240, 99, 400, 161));
    }

    @Test
    void nmsKeepsTheBestBoxAndLetsTheCutPartStandWhenItOverlapsTooLittle() {
        List<Detection> passes = List.of(car(0.6f, 240, 100, 320, 160), car(0.7f, 256, 100, 400, 160));
        // IoU = 64x60 / (80x60 + 144x60 - 64x60) = 0.4: below 0.5, both stay (the seam duplicate merging avoids).
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.NMS, BoxMerge.Metric.IOU, 0.5)).hasSize(2);
        // Intersection over the smaller box is 64/80 = 0.8: NMS by IOS drops the part.
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.NMS, BoxMerge.Metric.IOS, 0.5))
                .containsExactly(car(0.7f, 256, 100, 400, 160));
    }

    @Test
    void differentClassesAndSeparateObjectsAreNeverMerged() {
        List<Detection> passes = List.of(car(0.9f, 0, 0, 100, 100), person(0.8f, 10, 10, 90, 90),
                car(0.8f, 200, 0, 300, 100));
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.MERGE, BoxMerge.Metric.IOS, 0.5))
                .containsExactlyInAnyOrderElementsOf(passes);
    }

    @Test
    void metricsAreZeroForBoxesThatDoNotTouch() {
        assertThat(BoxMerge.match(car(1, 0, 0, 10, 10), car(1, 10, 0, 20, 10), BoxMerge.Metric.IOU)).isZero();
        assertThat(BoxMerge.match(car(1, 0, 0, 10, 10), car(1, 5, 0, 15, 10), BoxMerge.Metric.IOU))
                .isEqualTo(50.0 / 150.0);
        assertThat(BoxMerge.match(car(1, 0, 0, 10, 10), car(1, 2, 2, 4, 4), BoxMerge.Metric.IOS)).isEqualTo(1.0);
    }
}
