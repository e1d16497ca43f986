package dev.vigil.testing;

import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test detector: finds one "thing" per image whose right edge is the image's width, so a test can
 * tell which frame a result belongs to; records the size of every batch it is called with, and can
 * take a fixed time per image, like a slow model.
 */
public class FakeDetector implements Detector, Serializable {

    private static final long serialVersionUID = 1L;

    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    private final long delayMillisPerImage;

    /** A detector that answers at once. */
    public FakeDetector() {
        this(0);
    }

    /** A detector that takes {@code delayMillisPerImage} for each image of a batch. */
    public FakeDetector(long delayMillisPerImage) {
        this.delayMillisPerImage = delayMillisPerImage;
    }

    public long delayMillisPerImage() {
        return delayMillisPerImage;
    }

    @Override
    public String modelName() {
        return "fake";
    }

    @Override
    public List<String> classNames() {
        return List.of("thing");
    }

    @Override
    public List<DetectionResult> detect(List<BgrImage> images) {
        batchSizes.add(images.size());
        if (delayMillisPerImage > 0) {
            try {
                Thread.sleep(delayMillisPerImage * images.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<DetectionResult> results = new ArrayList<>();
        for (BgrImage image : images) {
            results.add(new DetectionResult(
                    List.of(new Detection(0, "thing", 0.9f, 0, 0, image.width(), image.height())), images.size(), 1, 2, 3));
        }
        return results;
    }

    @Override
    public void close() {
        closed = true;
    }
}
