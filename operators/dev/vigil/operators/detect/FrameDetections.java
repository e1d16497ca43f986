package dev.vigil.operators.detect;

import dev.vigil.models.Detection;
import dev.vigil.sources.CameraMotion;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * What the detector found in one frame: the frame's identity, the model that looked at it, its
 * detections (boxes in the source frame's pixels) and how long each step took.
 *
 * @param cameraId camera the frame came from
 * @param sequence the frame's index in its camera's stream
 * @param timestampMillis event time of the frame (its presentation timestamp)
 * @param width source frame width, pixels
 * @param height source frame height, pixels
 * @param model catalogue name of the model that produced the detections
 * @param detections the objects found, highest score first
 * @param timing where the time went for this frame
 * @param motion the camera's estimated motion up to this frame ({@code tracking.camera-motion}), or null
 */
@TypeInfo(FrameDetectionsTypeInfoFactory.class)
public record FrameDetections(
        String cameraId,
        long sequence,
        long timestampMillis,
        int width,
        int height,
        String model,
        List<Detection> detections,
        Timing timing,
        CameraMotion motion) {

    public FrameDetections {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(model, "model");
        detections = List.copyOf(detections);
        Objects.requireNonNull(timing, "timing");
    }

    /** A frame's detections without camera motion. */
    public FrameDetections(String cameraId, long sequence, long timestampMillis, int width, int height, String model,
            List<Detection> detections, Timing timing) {
        this(cameraId, sequence, timestampMillis, width, height, model, detections, timing, null);
    }

    /**
     * Timing of one frame through the detector.
     *
     * @param ingestTimeMillis wall clock when the source produced the frame
     * @param detectedAtMillis wall clock when its detections were ready
     * @param batchSize how many frames shared the model call
     * @param preprocessMicros time to turn this frame into model input
     * @param inferenceMicros duration of the model call for the whole batch
     * @param postprocessMicros time to decode this frame's output and run NMS (and merge its tiles' boxes)
     * @param tiles tiles of this frame detected as images of their own ({@code detect.slicing}); 0 when the frame
     *     went to the model whole. With the full-frame pass the frame took one model input more.
     * @param batchInputs model inputs of the model call: {@code batchSize}, or more when frames were sliced
     */
    public record Timing(
            long ingestTimeMillis,
            long detectedAtMillis,
            int batchSize,
            long preprocessMicros,
            long inferenceMicros,
            long postprocessMicros,
            int tiles,
            int batchInputs) {

        /** The timing of a frame that went to the model whole, in a call of whole frames. */
        public Timing(long ingestTimeMillis, long detectedAtMillis, int batchSize, long preprocessMicros,
                long inferenceMicros, long postprocessMicros) {
            this(ingestTimeMillis, detectedAtMillis, batchSize, preprocessMicros, inferenceMicros, postprocessMicros,
                    0, batchSize);
        }
    }
}
