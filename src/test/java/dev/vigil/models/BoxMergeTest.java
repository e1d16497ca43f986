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

    private static Detection truck(float score, float x1, float y1, float x2, float y2) {
        return new Detection(7, "truck", score, x1, y1, x2, y2);
    }

    private static final CutSides RIGHT = new CutSides(false, false, true, false);
    private static final CutSides LEFT = new CutSides(true, false, false, false);

    private static List<Detection> seam(boolean classAgnostic, PassDetection... passes) {
        return BoxMerge.merge(List.of(passes), BoxMerge.Method.SEAM, BoxMerge.Metric.IOU, 0.5, classAgnostic);
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

    @Test
    void seamJoinsTheTwoCutPartsOfAnObjectIntoItsWholeBox() {
        // The car from 240 to 400 again, tiles only: the left tile's box is cut on its right, the right one's on
        // its left. Their IoU is 0.4, but as parts they are compared over the smaller box (0.8).
        List<Detection> merged = seam(false, new PassDetection(car(0.6f, 240, 100, 320, 160), RIGHT),
                new PassDetection(car(0.7f, 256, 100, 400, 160), LEFT));
        assertThat(merged).containsExactly(car(0.7f, 240, 100, 400, 160));
    }

    @Test
    void seamKeepsTheSidesNoTileEdgeCutWhereUnionInflatesTheBox() {
        // A confident car inside a loose, low-scored car box of the full frame (evaluation keeps boxes down to
        // score 0.001): the union takes the loose box's extent, seam merging keeps what the model saw.
        List<Detection> passes = List.of(car(0.9f, 100, 100, 140, 130), car(0.01f, 60, 80, 300, 200));
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.MERGE, BoxMerge.Metric.IOS, 0.5))
                .containsExactly(car(0.9f, 60, 80, 300, 200));
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.SEAM, BoxMerge.Metric.IOU, 0.5))
                .containsExactly(car(0.9f, 100, 100, 140, 130), car(0.01f, 60, 80, 300, 200));
    }

    @Test
    void seamGivesAPartOfALargeObjectTheFullFrameExtentOnlyOnItsCutSides() {
        // A tile from (0, 0) to (320, 320) sees the top left of a bus that runs to (700, 500), more sharply than
        // the shrunk full frame, which puts its left edge at 96 instead of 100.
        Detection bus = new Detection(5, "bus", 0.8f, 100, 100, 320, 320);
        Detection wholeBus = new Detection(5, "bus", 0.4f, 96, 98, 700, 500);
        List<Detection> merged = seam(false, new PassDetection(bus, new CutSides(false, false, true, true)),
                PassDetection.uncut(wholeBus));
        assertThat(merged).containsExactly(new Detection(5, "bus", 0.8f, 100, 100, 700, 500));
    }

    @Test
    void seamComparesUncutBoxesByTheMetricSoAPersonInFrontOfAnotherStays() {
        // Intersection over the smaller box is 1, IoU 0.25: two people, neither cut by a tile edge.
        List<Detection> passes = List.of(person(0.9f, 0, 0, 100, 200), person(0.8f, 25, 50, 75, 150));
        assertThat(BoxMerge.merge(passes, BoxMerge.Method.SEAM, BoxMerge.Metric.IOU, 0.5))
                .containsExactlyElementsOf(passes);
    }

    @Test
    void aClassSplitAtASeamIsOneObjectOnlyWhenMergingIsClassAgnostic() {
        PassDetection carPart = new PassDetection(car(0.7f, 240, 100, 320, 160), RIGHT);
        PassDetection truckPart = new PassDetection(truck(0.6f, 256, 100, 400, 160), LEFT);
        assertThat(seam(false, carPart, truckPart)).hasSize(2);
        assertThat(seam(true, carPart, truckPart)).containsExactly(car(0.7f, 240, 100, 400, 160));
    }
}
