package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.job.config.ImageSize;
import dev.vigil.job.config.SlicingOptions;
import dev.vigil.models.CatalogueEntry;
import dev.vigil.models.Detector;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelDescription;
import dev.vigil.models.Slicing;
import dev.vigil.models.BoxMerge;
import dev.vigil.models.ModelCatalogue;
import dev.vigil.models.ModelException;
import dev.vigil.models.ModelSettings;
import dev.vigil.models.eval.CategoryMapping;
import dev.vigil.models.eval.CocoDataset;
import dev.vigil.models.eval.CocoEvaluator;
import dev.vigil.models.eval.CocoFormatException;
import dev.vigil.models.eval.CocoImage;
import dev.vigil.models.eval.CocoMetrics;
import dev.vigil.models.eval.CocoResults;
import dev.vigil.models.eval.DatasetDetection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code vigil evaluate}: runs a detector over a COCO-format dataset and scores it with Vigil's own
 * implementation of the COCO box metric (faithful to pycocotools' COCOeval).
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures a model's COCO accuracy (mAP) on a COCO-format dataset.",
            "Runs the model over every image, prints COCO mAP@[.5:.95], AP50, AP75, AP by object size, AR "
                    + "and AP per category, and writes the detections as a COCO results JSON.",
            "Without --images/--annotations it uses coco128 from the data directory "
                    + "(VIGIL_DATA_DIR or -Dvigil.data.dir): coco/coco128/images/train2017 and "
                    + "coco/coco128/annotations/instances_train2017.json.",
            "Model classes are matched to the dataset's categories by name."
        })
final class EvaluateCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME",
            description = "Catalogue model name (nanodet-plus-m-320, nanodet-plus-m-416, yolov6lite-s, yolov6lite-l).")
    String model;

    @Option(names = "--model-path", paramLabel = "FILE",
            description = "Explicit model file (its family is taken from --model, else from the catalogue's file name).")
    String modelPath;

    @Option(names = "--images", paramLabel = "DIR", description = "Folder of the images named in the annotations' "
            + "file_name fields. Default: <data dir>/" + CocoFiles.COCO128_IMAGES)
    Path images;

    @Option(names = "--annotations", paramLabel = "FILE", description = "COCO instances JSON (ground truth). "
            + "Default: <data dir>/" + CocoFiles.COCO128_ANNOTATIONS)
    Path annotations;

    @Option(names = "--results", paramLabel = "FILE", defaultValue = "out/coco-results.json",
            description = "Where to write the detections as COCO results JSON. Default: ${DEFAULT-VALUE}")
    Path results;

    @Option(names = "--score-threshold", defaultValue = "0.001",
            description = "Lowest score kept. COCO evaluation wants nearly everything: default ${DEFAULT-VALUE}.")
    float scoreThreshold;

    @Option(names = "--iou-threshold", description = "NMS IoU threshold. Default: the model family's "
            + "(NanoDet-Plus 0.6, YOLOv6 0.45).")
    Float iouThreshold;

    @Option(names = "--max-detections", defaultValue = "100",
            description = "Most detections kept per image (COCO scores at most 100). Default: ${DEFAULT-VALUE}")
    int maxDetections;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate only the first N images (by image id); 0 = all.")
    int limit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8",
            description = "Images per model call. Default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--slicing", paramLabel = "TILE", description = "Sliced inference: detect overlapping tiles of "
            + "each image (and, with --full-frame, the whole image) and merge the boxes. TILE is WxH or N (square) in "
            + "image pixels, or 'model' for the model's input size.")
    String slicing;

    @Option(names = "--overlap", defaultValue = "0.2",
            description = "With --slicing: fraction of a tile shared with its neighbour. Default: ${DEFAULT-VALUE}")
    double overlap;

    @Option(names = "--full-frame", defaultValue = "true", arity = "1", paramLabel = "true|false",
            description = "With --slicing: also detect the whole image (large objects). Default: ${DEFAULT-VALUE}")
    boolean fullFrame;

    @Option(names = "--merge", defaultValue = "seam", paramLabel = "seam|nms|merge",
            description = "With --slicing: how matching boxes become one. seam: keep the best (NMS), except that a "
                    + "box a tile edge cut is matched by intersection over the smaller box and takes its cut sides "
                    + "from a box that sees past them; nms: keep the best; merge: their union (SAHI's greedy "
                    + "merging). Default: ${DEFAULT-VALUE}")
    String merge;

    @Option(names = "--merge-metric", defaultValue = "iou", paramLabel = "iou|ios",
            description = "With --slicing: compare boxes by intersection over union or over the smaller box. "
                    + "Default: ${DEFAULT-VALUE}")
    String mergeMetric;

    @Option(names = "--merge-threshold", defaultValue = "" + Slicing.DEFAULT_THRESHOLD,
            description = "With --slicing: the metric at which two boxes are one object. Default: ${DEFAULT-VALUE}")
    double mergeThreshold;

    @Option(names = "--merge-class-agnostic", defaultValue = "" + Slicing.DEFAULT_CLASS_AGNOSTIC, arity = "1",
            paramLabel = "true|false", description = "With --slicing: let boxes of different classes be one object "
                    + "(the better-scored class wins), as a car called a truck across a tile seam. "
                    + "Default: ${DEFAULT-VALUE}")
    boolean mergeClassAgnostic;

    @Option(names = "--merge-cut-margin", paramLabel = "PX", defaultValue = "" + Slicing.DEFAULT_CUT_MARGIN,
            description = "With --slicing: how close, in image pixels, a box must come to an inner tile edge to count "
                    + "as cut by it. Default: ${DEFAULT-VALUE}")
    double mergeCutMargin;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws InterruptedException {
        // ONNX Runtime (1.29) parses the process command line when it starts, recursively: with a
        // long one (java -cp and a full class path) that overflows a default 1 MB thread stack and
        // kills the JVM. The job's task threads are not the main thread; here, give the work a
        // thread with room to spare.
        int[] exit = {ExitCodes.JOB_FAILED};
        Thread worker = new Thread(null, () -> exit[0] = evaluate(), "vigil-evaluate", 64L << 20);
        worker.start();
        worker.join();
        return exit[0];
    }

    /** The slicing --slicing and its options ask for; TILE 'model' is the model's input size. */
    private Slicing slicing(ModelSettings settings) {
        ImageSize tile;
        try {
            tile = SlicingOptions.tileSize(slicing.toLowerCase(Locale.ROOT), 1, () -> {
                ModelDescription model = Detectors.check(settings);
                return new ImageSize(model.inputWidth(), model.inputHeight());
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--slicing '" + slicing + "' is not WxH, N or model");
        }
        BoxMerge.Method method = choice(BoxMerge.Method.class, "--merge", merge);
        BoxMerge.Metric metric = choice(BoxMerge.Metric.class, "--merge-metric", mergeMetric);
        try {
            return new Slicing(tile.width(), tile.height(), overlap, fullFrame, 0, null, method, metric, mergeThreshold,
                    mergeClassAgnostic, mergeCutMargin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--slicing: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private int evaluate() {
        if (model == null && modelPath == null) {
            return problem("say which model to evaluate: --model NAME (one of "
                    + String.join(", ", ModelCatalogue.standard().names()) + ") and/or --model-path FILE");
        }
        if (batch <= 0 || limit < 0 || maxDetections <= 0) {
            return problem("--batch and --max-detections must be positive and --limit at least 0");
        }
        CocoFiles files;
        try {
            files = CocoFiles.resolve(images, annotations);
        } catch (IllegalArgumentException e) {
            return problem(e.getMessage());
        }
        Path imageDir = files.images();
        Path annotationFile = files.annotations();
        CocoDataset dataset;
        try {
            dataset = CocoDataset.read(annotationFile);
        } catch (CocoFormatException e) {
            return problem(e.getMessage());
        }
        List<CocoImage> selected = dataset.images().stream().sorted(Comparator.comparingLong(CocoImage::id))
                .limit(limit == 0 ? Long.MAX_VALUE : limit).toList();
        if (selected.isEmpty()) {
            return problem("the annotations list no images");
        }

        ModelSettings settings = new ModelSettings(model, modelPath, null, null, scoreThreshold,
                iouThreshold == null ? Float.NaN : iouThreshold, maxDetections, 0);
        Slicing tiles = null;
        if (slicing != null) {
            try {
                tiles = slicing(settings);
            } catch (IllegalArgumentException e) {
                return problem(e.getMessage());
            }
        }
        try (Detector detector = Detectors.open(settings)) {
            CategoryMapping mapping = CategoryMapping.byName(detector.classNames(), dataset.categories());
            out.printf(Locale.ROOT, "Evaluating %s on %d images of %s%n", detector.modelName(), selected.size(),
                    annotationFile.toAbsolutePath().normalize());
            out.printf(Locale.ROOT, "  score >= %s, NMS IoU %s, at most %d detections per image, batch %d%n",
                    scoreThreshold, nmsDescription(), maxDetections, batch);
            if (tiles != null) {
                out.printf(Locale.ROOT, "  sliced: %dx%d tiles, overlap %s, full-frame pass %s, %s by %s >= %s, "
                        + "class-%s, cut within %s px of a tile edge%n",
                        tiles.tileWidth(), tiles.tileHeight(), tiles.overlap(), tiles.fullFrame() ? "on" : "off",
                        tiles.method().name().toLowerCase(Locale.ROOT), tiles.metric().name().toLowerCase(Locale.ROOT),
                        tiles.threshold(), tiles.classAgnostic() ? "agnostic" : "aware", tiles.cutMargin());
            }

            long[] lastReport = {System.nanoTime()};
            DatasetDetection.Outcome outcome = DatasetDetection.run(detector, mapping, selected, imageDir, batch,
                    tiles, (done, total, elapsed) -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] >= PROGRESS_EVERY_NANOS || done == total) {
                            lastReport[0] = now;
                            out.printf(Locale.ROOT, "images %d / %d (%d%%)  %.1f images/s%n", done, total,
                                    100L * done / total, done / (elapsed / 1e9));
                        }
                    });
            if (!outcome.problems().isEmpty()) {
                err.printf("%d image(s) could not be read and are left out of the evaluation:%n",
                        outcome.problems().size());
                outcome.problems().stream().limit(10).forEach(p -> err.println("  " + p));
                if (outcome.problems().size() > 10) {
                    err.println("  …");
                }
            }
            if (outcome.evaluated().isEmpty()) {
                err.println("No image could be read from " + imageDir.toAbsolutePath() + "; nothing to evaluate.");
                return ExitCodes.JOB_FAILED;
            }
            CocoResults.write(results, outcome.detections());
            CocoMetrics metrics = CocoEvaluator.evaluate(
                    dataset.restrictedTo(outcome.evaluated().stream().map(CocoImage::id).toList()),
                    outcome.detections());

            out.println();
            out.print(metrics.perCategoryTable());
            out.println();
            out.print(metrics.summary());
            out.println();
            out.printf(Locale.ROOT, "%s: mAP@[.5:.95] %.3f  AP50 %.3f  AP75 %.3f  AR@100 %.3f%n",
                    detector.modelName(), metrics.ap(), metrics.ap50(), metrics.ap75(), metrics.ar100());
            out.printf(Locale.ROOT, "%d images (%d missing or unreadable), %d detections, %.1f s (%.1f images/s)%n",
                    outcome.evaluated().size(), outcome.problems().size(), outcome.detections().size(),
                    outcome.elapsedNanos() / 1e9, outcome.imagesPerSecond());
            out.println("Results (COCO JSON): " + results);
            return 0;
        } catch (ModelException | IllegalArgumentException e) {
            return problem(e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("Evaluation failed: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        } catch (RuntimeException e) {
            err.println("Evaluation failed: " + e);
            e.printStackTrace(err);
            return ExitCodes.JOB_FAILED;
        }
    }

    private String nmsDescription() {
        if (iouThreshold != null) {
            return String.valueOf(iouThreshold);
        }
        ModelCatalogue catalogue = ModelCatalogue.standard();
        Optional<CatalogueEntry> entry = model != null ? catalogue.find(model)
                : catalogue.findByFileName(Path.of(modelPath).getFileName().toString());
        return entry.map(e -> e.family().defaults().iou() + " (" + e.familyId() + " default)")
                .orElse("family default");
    }

    private int problem(String message) {
        err.println("Cannot evaluate: " + message);
        return ExitCodes.CONFIG;
    }
}
