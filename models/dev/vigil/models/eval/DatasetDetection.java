package dev.vigil.models.eval;

import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.models.ImageFiles;
import dev.vigil.models.SlicedDetection;
import dev.vigil.models.Slicing;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a detector over a COCO dataset's images, in batches, and turns its detections into COCO
 * results (model class ids mapped to the dataset's category ids).
 */
public final class DatasetDetection {

    /** Told after every batch. */
    public interface Progress {
        void update(int done, int total, long elapsedNanos);
    }

    /**
     * What a run produced.
     *
     * @param detections every detection, in image order then score order
     * @param evaluated images that were read and detected
     * @param problems one line per image that could not be read (left out of the evaluation)
     * @param elapsedNanos wall time of the run, image decoding included
     */
    public record Outcome(List<CocoDetection> detections, List<CocoImage> evaluated, List<String> problems,
            long elapsedNanos) {

        public double imagesPerSecond() {
            return elapsedNanos == 0 ? 0 : evaluated.size() / (elapsedNanos / 1e9);
        }
    }

    private DatasetDetection() {}

    public static Outcome run(Detector detector, CategoryMapping mapping, List<CocoImage> images, Path imageDir,
            int batchSize, Progress progress) {
        return run(detector, mapping, images, imageDir, batchSize, null, progress);
    }

    /** As without slicing, with every image sliced by {@code slicing} (null: one pass per image). */
    public static Outcome run(Detector detector, CategoryMapping mapping, List<CocoImage> images, Path imageDir,
            int batchSize, Slicing slicing, Progress progress) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        long start = System.nanoTime();
        List<CocoDetection> detections = new ArrayList<>();
        List<CocoImage> evaluated = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int done = 0;
        for (int from = 0; from < images.size(); from += batchSize) {
            List<CocoImage> batch = images.subList(from, Math.min(images.size(), from + batchSize));
            List<CocoImage> read = new ArrayList<>();
            List<BgrImage> pixels = new ArrayList<>();
            for (CocoImage image : batch) {
                try {
                    pixels.add(ImageFiles.readBgr(imageDir.resolve(image.fileName())));
                    read.add(image);
                } catch (UncheckedIOException e) {
                    // a missing file's exception wraps a plain IOException: say its message, not its class
                    boolean wrapped = e.getCause() != null && e.getMessage().equals(e.getCause().toString());
                    problems.add("image " + image.id() + ": " + (wrapped ? e.getCause().getMessage() : e.getMessage()));
                }
            }
            List<DetectionResult> results = pixels.isEmpty() ? List.of() : slicing == null ? detector.detect(pixels)
                    : SlicedDetection.detect(detector, pixels, Collections.nCopies(pixels.size(), slicing));
            for (int i = 0; i < read.size(); i++) {
                CocoImage image = read.get(i);
                for (Detection d : results.get(i).detections()) {
                    detections.add(CocoResults.rounded(image.id(), mapping.categoryId(d.classId()),
                            Box.fromCorners(d.x1(), d.y1(), d.x2(), d.y2()), d.score()));
                }
            }
            evaluated.addAll(read);
            done += batch.size();
            if (progress != null) {
                progress.update(done, images.size(), System.nanoTime() - start);
            }
        }
        return new Outcome(detections, evaluated, problems, System.nanoTime() - start);
    }
}
