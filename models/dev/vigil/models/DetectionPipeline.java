package dev.vigil.models;

import dev.vigil.models.family.Thresholds;
import dev.vigil.models.processing.Candidates;
import dev.vigil.models.processing.InputGeometry;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Nms;
import dev.vigil.models.processing.OutputDecoder;
import dev.vigil.models.processing.OutputTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The family-independent part of detection around one model: fill the input with a family's recipe,
 * decode with its decoder, then threshold, class-aware NMS, map boxes back to the frame and label
 * them. Holds a reusable candidate buffer, so one instance per detector handle (not thread-safe).
 */
final class DetectionPipeline {

    private final InputRecipe recipe;
    private final OutputDecoder decoder;
    private final Thresholds thresholds;
    private final List<String> classNames;
    private final Candidates candidates = new Candidates();

    DetectionPipeline(InputRecipe recipe, OutputDecoder decoder, Thresholds thresholds, List<String> classNames) {
        this.recipe = recipe;
        this.decoder = decoder;
        this.thresholds = thresholds;
        this.classNames = List.copyOf(classNames);
    }

    InputRecipe recipe() {
        return recipe;
    }

    InputGeometry preprocess(ImageRegion region, float[] batch, int index) {
        BgrImage image = region.image();
        return recipe.fill(image.pixels(), image.width(), region.x(), region.y(), region.width(), region.height(),
                batch, index * recipe.valuesPerImage());
    }

    List<Detection> postprocess(List<OutputTensor> outputs, int index, InputGeometry geometry) {
        candidates.clear();
        decoder.decode(outputs, index, thresholds.score(), candidates);
        int[] kept = Nms.classAware(candidates, thresholds.iou(), thresholds.maxDetections());
        List<Detection> detections = new ArrayList<>(kept.length);
        float width = geometry.sourceWidth();
        float height = geometry.sourceHeight();
        for (int i : kept) {
            int classId = candidates.classId(i);
            detections.add(new Detection(classId, label(classId), candidates.score(i),
                    clamp(geometry.toSourceX(candidates.x1(i)), width),
                    clamp(geometry.toSourceY(candidates.y1(i)), height),
                    clamp(geometry.toSourceX(candidates.x2(i)), width),
                    clamp(geometry.toSourceY(candidates.y2(i)), height)));
        }
        return detections;
    }

    private String label(int classId) {
        return classId < classNames.size() ? classNames.get(classId) : "class" + classId;
    }

    private static float clamp(float value, float max) {
        return Math.max(0, Math.min(max, value));
    }
}
