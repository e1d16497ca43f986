package dev.vigil.operators.detect;

/**
 * The metrics of the detection stage, by operator.
 *
 * <p>Operator {@code screen} ({@link ScreenFrames}):
 * <ul>
 *   <li>{@value #FRAMES_REJECTED} (counter): frames sent to the rejects output (damaged, or pixels that do not
 *       match their size);
 *   <li>{@value #CAMERA_MOTION_UNKNOWN} (counter, with {@code tracking.camera-motion: auto}): frames whose
 *       camera motion since the camera's previous frame could not be estimated (a camera's first frame, a change
 *       of frame size, too little texture, a jump beyond the search range).
 * </ul>
 *
 * <p>Operator {@code detect} ({@link AsyncDetect}):
 * <ul>
 *   <li>{@value #BATCH_SIZE} (histogram): for each frame, the frames of the batch it was in;
 *   <li>{@value #BATCH_INPUTS} (histogram): for each frame, the model inputs of the batch it was in: its frames,
 *       or their tiles and full-frame passes where cameras are sliced ({@code detect.slicing}); the mean over
 *       {@code detect.max-batch-size} is how full the model's batches run;
 *   <li>{@value #BATCH_WAIT_MILLIS} (histogram): how long a frame waited for its batch to start;
 *   <li>{@value #INFERENCE_MILLIS} (histogram): model time of the batch each frame was in;
 *   <li>{@value #QUEUE_DEPTH} (gauge): frames waiting for a slot on the subtask's device;
 *   <li>{@value #IN_FLIGHT_BYTES} (gauge): pixel bytes the subtask holds in flight (see {@link InFlightBytes});
 *   <li>per camera, in the group {@code camera=<id>} ({@link dev.vigil.sources.CameraMetricGroup}):
 *       {@value #FRAMES_DETECTED} (counter) and {@code framesDetectedPerSecond} (meter), frames detected; and
 *       {@value #FRAMES_SKIPPED} (counter) and {@code framesSkippedPerSecond} (meter), frames replaced under the
 *       latest-frame policy; and {@value #TILES_DETECTED} (counter) and {@code tilesDetectedPerSecond} (meter),
 *       tiles of sliced frames detected.
 * </ul>
 *
 * <p>Operator {@code tally} ({@link TallyDetections}), per camera in the group {@code camera=<id>}:
 * <ul>
 *   <li>{@value #CAPTURE_TO_RESULT_MILLIS} (histogram): from the moment the frame's source produced it (for a live
 *       camera, its capture as near as the job can see it) to its detection result leaving the detection stage.
 * </ul>
 */
public final class DetectMetrics {

    public static final String FRAMES_REJECTED = "framesRejected";
    public static final String CAMERA_MOTION_UNKNOWN = "cameraMotionUnknown";
    public static final String BATCH_SIZE = "batchSize";
    public static final String BATCH_INPUTS = "batchInputs";
    public static final String BATCH_WAIT_MILLIS = "batchWaitMillis";
    public static final String INFERENCE_MILLIS = "inferenceMillis";
    public static final String QUEUE_DEPTH = "queueDepth";
    public static final String IN_FLIGHT_BYTES = "inFlightBytes";
    public static final String FRAMES_DETECTED = "framesDetected";
    public static final String FRAMES_SKIPPED = "framesSkipped";
    public static final String TILES_DETECTED = "tilesDetected";
    public static final String CAPTURE_TO_RESULT_MILLIS = "captureToResultMillis";

    /** Samples each histogram keeps: its percentiles cover about the last thousand frames. */
    static final int HISTOGRAM_WINDOW = 1024;

    private DetectMetrics() {}
}
