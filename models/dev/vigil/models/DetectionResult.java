package dev.vigil.models;

import java.util.List;

/**
 * The detections of one image and what they cost.
 *
 * @param detections objects found, highest score first
 * @param batchSize number of images in the model call this image was part of
 * @param preprocessMicros time spent turning this image into model input
 * @param inferenceMicros duration of the whole model call (shared by the batch)
 * @param postprocessMicros time spent decoding this image's output, NMS included (and merging, when sliced)
 * @param passes model inputs the image took: 1, or its tiles plus the full-frame pass when it was sliced
 */
public record DetectionResult(
        List<Detection> detections,
        int batchSize,
        long preprocessMicros,
        long inferenceMicros,
        long postprocessMicros,
        int passes) {

    public DetectionResult {
        detections = List.copyOf(detections);
        if (passes < 1) {
            throw new IllegalArgumentException("an image takes at least one pass, got " + passes);
        }
    }

    /** The result of an image that was one model input. */
    public DetectionResult(List<Detection> detections, int batchSize, long preprocessMicros, long inferenceMicros,
            long postprocessMicros) {
        this(detections, batchSize, preprocessMicros, inferenceMicros, postprocessMicros, 1);
    }
}
