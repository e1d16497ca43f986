package dev.vigil.job.config;

import dev.vigil.models.BoxMerge;
import dev.vigil.models.Slicing;
import dev.vigil.operators.detect.CameraSlicing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code detect.slicing} and its per-camera sections, as the job reads them. */
class SlicingOptionsTest {

    private static final ImageSize MODEL_320 = new ImageSize(320, 320);
    private final List<String> problems = new ArrayList<>();

    private CameraSlicing read(String detectSection, List<String> cameras) {
        VigilConfig config = VigilConfig.parse("test.yaml", "input:\n  paths: [a.mp4]\ndetect:\n" + detectSection, Map.of());
        return SlicingOptions.cameraSlicing(config, MODEL_320, cameras, problems);
    }

    @Test
    void offUnlessEnabled() {
        CameraSlicing slicing = read("  max-batch-size: 4\n", List.of("a"));

        assertThat(slicing.any()).isFalse();
        assertThat(slicing.forCamera("a")).isNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void enabledTilesAreTheModelsInputSizeWithTheDocumentedDefaults() {
        Slicing slicing = read("  slicing:\n    enabled: true\n", null).forCamera("any");

        assertThat(slicing).isEqualTo(new Slicing(320, 320, 0.2, true, 1280, null, BoxMerge.Method.SEAM,
                BoxMerge.Metric.IOU, 0.5, false, 2));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        Slicing slicing = read("""
                  slicing:
                    enabled: true
                    tile: model
                    tile-scale: 2
                    overlap: 0.25
                    full-frame: false
                    min-frame-side: 0
                    region: 0, 540, 1920, 540
                    merge: merge
                    merge-metric: ios
                    merge-threshold: 0.6
                    class-agnostic: true
                    cut-margin: 4
                """, null).forCamera("any");

        assertThat(slicing).isEqualTo(new Slicing(640, 640, 0.25, false, 0, new Slicing.Region(0, 540, 1920, 540),
                BoxMerge.Method.MERGE, BoxMerge.Metric.IOS, 0.6, true, 4));
        assertThat(problems).isEmpty();
    }

    @Test
    void aCameraSetsItsOwnKeysOverTheOthers() {
        CameraSlicing slicing = read("""
                  slicing:
                    overlap: 0.3
                    cameras:
                      drone:
                        enabled: true
                        tile: 640x480
                """, List.of("drone", "door"));

        assertThat(slicing.forCamera("door")).as("not enabled for the others").isNull();
        Slicing drone = slicing.forCamera("drone");
        assertThat(drone.tileWidth()).isEqualTo(640);
        assertThat(drone.tileHeight()).isEqualTo(480);
        assertThat(drone.overlap()).as("inherited").isEqualTo(0.3);
        assertThat(problems).isEmpty();
    }

    @Test
    void aCameraCanTurnSlicingOff() {
        CameraSlicing slicing = read("""
                  slicing:
                    enabled: true
                    cameras:
                      door: {enabled: false}
                """, List.of("drone", "door"));

        assertThat(slicing.forCamera("door")).isNull();
        assertThat(slicing.forCamera("drone")).isNotNull();
    }

    @Test
    void mistakesAreNamedByTheirKey() {
        read("""
                  slicing:
                    enabled: true
                    tile: big
                    region: 1,2,3
                    cameras:
                      drone:
                        overlapp: 0.3
                      dron:
                        enabled: true
                        overlap: 2
                """, List.of("drone"));

        assertThat(problems).containsExactlyInAnyOrder(
                "detect.slicing.tile: expected model, 416 or 640x384 (width x height, positive, at most 5 digits), got 'big'",
                "detect.slicing.region: expected x,y,width,height in frame pixels (x, y >= 0, width and height > 0), "
                        + "got '1,2,3'",
                "detect.slicing.cameras.drone.overlapp: unknown key (did you mean overlap? keys: enabled, tile, "
                        + "tile-scale, overlap, full-frame, min-frame-side, region, merge, merge-metric, merge-threshold, "
                        + "class-agnostic, cut-margin)",
                "detect.slicing.cameras.dron.overlap: expected a number from 0.0 to 0.9, got 2.0",
                "detect.slicing.cameras.dron: the input has no camera 'dron' (did you mean drone? its cameras: drone)");
    }

    @Test
    void tilesOfTheModelsSizeWaitForAModelThatChecks() {
        VigilConfig config = VigilConfig.parse("test.yaml", "input:\n  paths: [a.mp4]\ndetect:\n  slicing:\n    enabled: true\n", Map.of());

        CameraSlicing slicing = SlicingOptions.cameraSlicing(config, null, null, problems);

        assertThat(slicing.any()).isFalse();
        assertThat(problems).as("the model's own problem is reported where it is checked").isEmpty();
    }
}
