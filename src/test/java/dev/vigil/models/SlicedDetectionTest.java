package dev.vigil.models;


import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlicedDetectionTest {

    /**
     * Finds every painted rectangle it can see: the bounding box of the pixels of each non-black blue value (the
     * class id), in the image it is given. A tile that shows part of a rectangle reports that part.
     */
    static final class PaintDetector implements Detector {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public String modelName() {
            return "paint";
        }

        @Override
        public List<String> classNames() {
            return List.of("none", "one", "two");
        }

        @Override
        public List<DetectionResult> detect(List<BgrImage> images) {
            batchSizes.add(images.size());
            List<DetectionResult> results = new ArrayList<>();
            for (BgrImage image : images) {
                int[][] bounds = new int[3][];
                for (int y = 0; y < image.height(); y++) {
                    for (int x = 0; x < image.width(); x++) {
                        int value = image.pixels()[(y * image.width() + x) * 3];
                        if (value > 0) {
                            int[] b = bounds[value] == null ? (bounds[value] = new int[] {x, y, x, y}) : bounds[value];
                            b[0] = Math.min(b[0], x);
                            b[1] = Math.min(b[1], y);
                            b[2] = Math.max(b[2], x);
                            b[3] = Math.max(b[3], y);
                        }
                    }
                }
                List<Detection> found = new ArrayList<>();
                for (int c = 1; c < 3; c++) {
                    if (bounds[c] != null) {
                        found.add(new Detection(c, classNames().get(c), 0.5f + c / 10f, bounds[c][0], bounds[c][1],
                                bounds[c][2] + 1, bounds[c][3] + 1));
                    }
                }
                results.add(new DetectionResult(found, images.size(), 0, 0, 0));
            }
            return results;
        }

        @Override
        public void close() {}
    }

    /**
     * Sees what {@link PaintDetector} sees, then changes each box as its pass says: a model that names or scores
     * an object differently in one tile than in the next, or in the shrunk full frame.
     */
    static final class PassDependentDetector implements Detector {
        interface Change {
            Detection apply(ImageRegion pass, Detection box);
        }

        private final PaintDetector painted = new PaintDetector();
        private final Change change;

        PassDependentDetector(Change change) {
            this.change = change;
        }

        @Override
        public String modelName() {
            return painted.modelName();
        }

        @Override
        public List<String> classNames() {
            return painted.classNames();
        }

        @Override
        public List<DetectionResult> detect(List<BgrImage> images) {
            return detectRegions(images.stream().map(ImageRegion::whole).toList());
        }

        @Override
        public List<DetectionResult> detectRegions(List<ImageRegion> regions) {
            List<DetectionResult> seen = painted.detect(regions.stream().map(ImageRegion::copy).toList());
            List<DetectionResult> changed = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                ImageRegion pass = regions.get(i);
                DetectionResult result = seen.get(i);
                changed.add(new DetectionResult(result.detections().stream().map(d -> change.apply(pass, d)).toList(),
                        result.batchSize(), 0, 0, 0));
            }
            return changed;
        }

        @Override
        public void close() {}
    }

    private static BgrImage frame(int width, int height, int[]... rectangles) {
        byte[] pixels = new byte[width * height * 3];
        for (int[] r : rectangles) {
            for (int y = r[2]; y < r[4]; y++) {
                for (int x = r[1]; x < r[3]; x++) {
                    pixels[(y * width + x) * 3] = (byte) r[0];
                }
            }
        }
        return new BgrImage(width, height, pixels);
    }

    @Test
    void anObjectAcrossATileSeamIsReportedOnceWithItsWholeBox() {
        // 1000x600 frame, 320 px tiles at 20 % overlap (x starts 0, 256, 512, 680; y starts 0, 256, 280), no
        // full-frame pass: class 1 straddles the seam at x = 320 and y = 320, class 2 lies inside one tile.
        BgrImage frame = frame(1000, 600, new int[] {1, 290, 300, 350, 340}, new int[] {2, 700, 50, 760, 90});
        Slicing slicing = Slicing.tiles(320, 320).withFullFrame(false);
        PaintDetector detector = new PaintDetector();

        List<DetectionResult> results = SlicedDetection.detect(detector, List.of(frame), Arrays.asList(slicing));

        DetectionResult result = results.get(0);
        assertThat(result.tiles()).isEqualTo(12);
        assertThat(detector.batchSizes).as("all tiles in one model call").containsExactly(12);
        assertThat(result.detections()).extracting(Detection::classId).containsExactlyInAnyOrder(1, 2);
        Detection straddling = result.detections().stream().filter(d -> d.classId() == 1).findFirst().orElseThrow();
        assertThat(new float[] {straddling.x1(), straddling.y1(), straddling.x2(), straddling.y2()})
                .containsExactly(290, 300, 350, 340);
    }

    @Test
    void nmsByIouLeavesTheSeamDuplicateThatMergingRemoves() {
        BgrImage frame = frame(1000, 600, new int[] {1, 240, 100, 400, 160});
        Slicing nms = Slicing.tiles(320, 320).withFullFrame(false).withMerge(BoxMerge.Method.NMS,
                BoxMerge.Metric.IOU, 0.5);
        List<DetectionResult> results = SlicedDetection.detect(new PaintDetector(), List.of(frame), List.of(nms));
        assertThat(results.get(0).detections()).hasSizeGreaterThan(1);
    }

    @Test
    void anObjectNoTileSeesWholeIsJoinedFromItsCutParts() {
        // The car of the test above, 160 px wide across a seam where tiles share 64 px: the left tile sees x 240
        // to 320, the right one 256 to 400, both cut by their tile's edge.
        BgrImage frame = frame(1000, 600, new int[] {1, 240, 100, 400, 160});
        Slicing slicing = Slicing.tiles(320, 320).withFullFrame(false);
        List<DetectionResult> results = SlicedDetection.detect(new PaintDetector(), List.of(frame), List.of(slicing));
        assertThat(results.get(0).detections()).singleElement().satisfies(d -> assertThat(
                new float[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(240, 100, 400, 160));
    }

    @Test
    void aClassSplitAtASeamIsOneObjectWithClassAgnosticMerging() {
        // The tiles from x = 256 on call the car class 2 (a truck) and are less sure of it.
        BgrImage frame = frame(1000, 600, new int[] {1, 240, 100, 400, 160});
        PassDependentDetector detector = new PassDependentDetector((pass, d) -> pass.x() < 256 ? d
                : new Detection(2, "two", d.score() - 0.1f, d.x1(), d.y1(), d.x2(), d.y2()));
        Slicing classAware = Slicing.tiles(320, 320).withFullFrame(false);

        List<DetectionResult> results = SlicedDetection.detect(detector, List.of(frame, frame),
                List.of(classAware, classAware.withClassAgnostic(true)));

        assertThat(results.get(0).detections()).extracting(Detection::classId).containsExactlyInAnyOrder(1, 2);
        assertThat(results.get(1).detections()).singleElement().satisfies(d -> {
            assertThat(d.classId()).isEqualTo(1);
            assertThat(new float[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(240, 100, 400, 160);
        });
    }

    @Test
    void aLargeObjectSeenByTheFullFrameAndPartlyByTilesKeepsTheFullFrameExtent() {
        // A 600x400 object: no 320 px tile sees it whole, each sees a part (cut by its edges) and is surer of it
        // than the full frame is of the whole object. The parts must neither replace the whole nor stay beside it.
        BgrImage frame = frame(1000, 600, new int[] {1, 100, 100, 700, 500});
        PassDependentDetector detector = new PassDependentDetector((pass, d) -> pass.isWhole()
                ? new Detection(d.classId(), d.label(), d.score() - 0.3f, d.x1(), d.y1(), d.x2(), d.y2()) : d);

        List<DetectionResult> results = SlicedDetection.detect(detector, List.of(frame),
                List.of(Slicing.tiles(320, 320)));

        assertThat(results.get(0).detections()).singleElement().satisfies(d -> assertThat(
                new float[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(100, 100, 700, 500));
    }

    @Test
    void onlyTileEdgesInsideTheFrameCutABox() {
        BgrImage frame = frame(1000, 600);
        ImageRegion topLeftTile = new ImageRegion(frame, 0, 0, 320, 320);
        ImageRegion innerTile = new ImageRegion(frame, 256, 256, 320, 320);
        // Touching the frame's top and left border and the tile's right edge (within the 2 px margin).
        assertThat(CutSides.of(new Detection(1, "one", 0.5f, 0, 0, 318.5f, 100), topLeftTile, 2))
                .isEqualTo(new CutSides(false, false, true, false));
        assertThat(CutSides.of(new Detection(1, "one", 0.5f, 256, 300, 500, 576), innerTile, 2))
                .isEqualTo(new CutSides(true, false, false, true));
        assertThat(CutSides.of(new Detection(1, "one", 0.5f, 300, 300, 500, 500), innerTile, 2).any()).isFalse();
        assertThat(CutSides.of(new Detection(1, "one", 0.5f, 0, 0, 1000, 600), ImageRegion.whole(frame), 2))
                .isEqualTo(CutSides.NONE);
    }

    @Test
    void framesOfACallShareOneBatchAndUnslicedOnesTakeOnePass() {
        BgrImage big = frame(1000, 600, new int[] {2, 10, 10, 50, 50});
        BgrImage small = frame(200, 100, new int[] {1, 10, 10, 50, 50});
        Slicing slicing = new Slicing(320, 320, 0.2, true, 640, null, Slicing.DEFAULT_METHOD,
                Slicing.DEFAULT_METRIC, Slicing.DEFAULT_THRESHOLD, Slicing.DEFAULT_CLASS_AGNOSTIC,
                Slicing.DEFAULT_CUT_MARGIN);
        PaintDetector detector = new PaintDetector();

        List<DetectionResult> results = SlicedDetection.detect(detector, List.of(big, small, big),
                Arrays.asList(slicing, slicing, null));

        // The big frame: 12 tiles + the full frame; the small one is under the minimum side (640): one pass; the
        // last one is not sliced at all.
        assertThat(results).extracting(DetectionResult::tiles).containsExactly(12, 0, 0);
        assertThat(detector.batchSizes).containsExactly(15);
        assertThat(results.get(0).detections()).singleElement().satisfies(d -> assertThat(d.classId()).isEqualTo(2));
        assertThat(results.get(1).detections()).singleElement().satisfies(d -> assertThat(d.x2()).isEqualTo(50));
    }

    @Test
    void aRegionOfInterestLimitsTheTiles() {
        BgrImage frame = frame(1000, 600, new int[] {1, 900, 500, 950, 550}, new int[] {2, 10, 10, 50, 50});
        Slicing roi = new Slicing(320, 320, 0.2, false, 0, new Slicing.Region(0, 0, 400, 400),
                Slicing.DEFAULT_METHOD, Slicing.DEFAULT_METRIC, Slicing.DEFAULT_THRESHOLD, Slicing.DEFAULT_CLASS_AGNOSTIC,
                Slicing.DEFAULT_CUT_MARGIN);
        List<DetectionResult> results = SlicedDetection.detect(new PaintDetector(), List.of(frame), List.of(roi));
        assertThat(results.get(0).tiles()).isEqualTo(4);
        assertThat(results.get(0).detections()).extracting(Detection::classId).containsExactly(2);
    }
}
