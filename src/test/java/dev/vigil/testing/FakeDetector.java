package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test detector: finds one "thing" per image whose right edge is the image's width, so a test can
 * tell which frame a result belongs to; records the size of every batch it is called with.
 */
class FakeDetector implements Detector {

    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    volatile boolean closed;

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
