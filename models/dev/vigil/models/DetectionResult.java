package dev.vigil.models;

import java.util.List;

/**
 * The detections of one image and what they cost.
 *
 * @param detections objects found, highest score first
 * @param batchSize number of images in the model call this image was part of
 * @param preprocessMicros time spent turning this image into model input
 * @param inferenceMicros duration of the whole model call (shared by the batch)
 * @param postprocessMicros time spent decoding this image's output, NMS included
 */
public record DetectionResult(
        List<Detection> detections,
        int batchSize,
        long preprocessMicros,
        long inferenceMicros,
        long postprocessMicros) {

    public DetectionResult {
        detections = List.copyOf(detections);
    }
}
