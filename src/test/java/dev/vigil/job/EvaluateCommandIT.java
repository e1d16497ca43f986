package dev.vigil.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.models.eval.CocoDataset;
import dev.vigil.models.eval.CocoDetection;
import dev.vigil.models.eval.CocoEvaluator;
import dev.vigil.models.eval.CocoMetrics;
import dev.vigil.models.eval.CocoResults;
import dev.vigil.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.vigil.testing.ConsoleCapture;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil evaluate} on coco128 with a real model: the figures it prints and the results file
 * it writes, and how it reports images it cannot read.
 */
class EvaluateCommandIT {

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /**
     * All 128 images through NanoDet-Plus-m-320 (~15 s). The band: this evaluator, identical to
     * pycocotools on the same results file, gives mAP 0.388 / AP50 0.546 here; the model's notes
     * report 0.386 / 0.540 from an independent quick evaluator on YOLO labels. ±0.025 around both
     * allows for other ONNX Runtime builds and CPUs moving a few boxes, and still catches what
     * breaks accuracy for real: a wrong class-to-category mapping (≈0), swapped colour channels or
     * a wrong box scale (several points), crowd detections counted as false positives.
     */
    @Test
    void nanodet320OnCoco128ScoresWhatTheModelIsKnownToScore() throws Exception {
        Path results = dir.resolve("coco-results.json");

        int exit = VigilCli.execute("evaluate", "--model", "nanodet-plus-m-320", "--results", results.toString());

        String stdout = console.stdout();
        assertThat(exit).as(console.stderr()).isZero();
        assertThat(stdout).contains("Evaluating nanodet-plus-m-320 on 128 images", "images 128 / 128 (100%)",
                "Average Precision  (AP @[IoU=0.50:0.95 | area=   all | maxDets=100])", "Results (COCO JSON)");
        assertThat(stdout).containsPattern("(?m)^person +254 +0\\.\\d{3}");

        CocoDataset coco128 = CocoDataset.read(
                TestData.data("coco/coco128/annotations/instances_train2017.json"));
        List<CocoDetection> detections = CocoResults.read(results);
        Map<Long, Long> perImage = detections.stream()
                .collect(Collectors.groupingBy(CocoDetection::imageId, Collectors.counting()));
        assertThat(perImage.keySet()).allMatch(coco128::hasImage);
        assertThat(perImage.values()).allMatch(n -> n <= 100);
        assertThat(detections).allMatch(d -> d.score() >= 0.001 && d.bbox().width() > 0);

        CocoMetrics metrics = CocoEvaluator.evaluate(coco128, detections);
        assertThat(metrics.ap()).isBetween(0.36, 0.41);
        assertThat(metrics.ap50()).isBetween(0.51, 0.57);
        assertThat(metrics.ap75()).isBetween(metrics.ap(), metrics.ap50());
        assertThat(stdout).as("printed figures are those of the written file").contains(String.format(Locale.ROOT,
                "mAP@[.5:.95] %.3f  AP50 %.3f  AP75 %.3f", metrics.ap(), metrics.ap50(), metrics.ap75()));
        Map<String, CocoMetrics.CategoryAp> byName = metrics.perCategory().stream()
                .collect(Collectors.toMap(CocoMetrics.CategoryAp::name, Function.identity()));
        assertThat(byName).hasSize(71).containsKeys("person", "car", "toothbrush");
        assertThat(byName.get("person").ap()).isGreaterThan(0.4);
    }

    @Test
    void missingAndUnreadableImagesAreReportedAndLeftOut() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path shared = TestData.data("coco/coco128/images/train2017");
        Files.createSymbolicLink(images.resolve("000000000009.jpg"), shared.resolve("000000000009.jpg"));
        Files.writeString(images.resolve("000000000025.jpg"), "not a JPEG");

        int exit = VigilCli.execute("evaluate", "--model", "yolov6lite-s", "--images", images.toString(),
                "--limit", "3", "--results", dir.resolve("r.json").toString());

        String stderr = console.stderr();
        assertThat(exit).as(stderr).isZero();
        assertThat(stderr).contains("2 image(s) could not be read", "image 25: cannot read image",
                "image 30: image file", "does not exist");
        assertThat(console.stdout()).contains("1 images (2 missing or unreadable)");
        assertThat(CocoResults.read(dir.resolve("r.json"))).allMatch(d -> d.imageId() == 9);
    }

    @Test
    void inputProblemsStopBeforeAnyModelIsLoaded() throws Exception {
        assertThat(VigilCli.execute("evaluate", "--model", "nanodet-plus-m-320", "--images",
                dir.resolve("nope").toString())).isEqualTo(ExitCodes.CONFIG);
        Path broken = Files.writeString(dir.resolve("gt.json"), "{\"images\": [\n{\"id\": 1,]}");
        assertThat(VigilCli.execute("evaluate", "--model", "nanodet-plus-m-320", "--annotations",
                broken.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(VigilCli.execute("evaluate", "--model", "nanodet-plus-m-32")).isEqualTo(ExitCodes.CONFIG);

        assertThat(console.stderr()).contains(
                "images directory " + dir.resolve("nope").toAbsolutePath() + " does not exist",
                "gt.json is not valid JSON (line 2",
                "Did you mean 'nanodet-plus-m-320'?");
    }
}
