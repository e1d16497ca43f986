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
 * @param tiles tiles of the image that went to the model as inputs of their own (sliced inference), 0 when the
 *     image went whole; a sliced image with a full-frame pass took one input more
 */
public record DetectionResult(
        List<Detection> detections,
        int batchSize,
        long preprocessMicros,
        long inferenceMicros,
        long postprocessMicros,
        int tiles) {

    public DetectionResult {
        detections = List.copyOf(detections);
        if (tiles < 0) {
            throw new IllegalArgumentException("tiles must not be negative, got " + tiles);
        }
    }

    /** The result of an image that was one model input. */
    public DetectionResult(List<Detection> detections, int batchSize, long preprocessMicros, long inferenceMicros,
            long postprocessMicros) {
        this(detections, batchSize, preprocessMicros, inferenceMicros, postprocessMicros, 0);
    }
}
