package dev.vigil.operators.detect;

/**
 * The metrics of the detection stage, by operator.
 *
 * <p>Operator {@code screen} ({@link ScreenFrames}):
 * <ul>
 *   <li>{@value #FRAMES_REJECTED} (counter): frames sent to the rejects output (damaged, or pixels that do not
 *       match their size).
 * </ul>
 *
 * <p>Operator {@code detect} ({@link AsyncDetect}):
 * <ul>
 *   <li>{@value #BATCH_SIZE} (histogram): for each frame, the size of the batch it was in;
 *   <li>{@value #BATCH_WAIT_MILLIS} (histogram): how long a frame waited for its batch to start;
 *   <li>{@value #INFERENCE_MILLIS} (histogram): model time of the batch each frame was in;
 *   <li>{@value #QUEUE_DEPTH} (gauge): frames waiting for a slot on the subtask's device;
 *   <li>{@value #IN_FLIGHT_BYTES} (gauge): pixel bytes the subtask holds in flight (see {@link InFlightBytes});
 *   <li>per camera, in the group {@value #CAMERA_GROUP}{@code =<id>}: {@value #FRAMES_PER_SECOND} (meter) and
 *       {@value #FRAMES_SKIPPED} (counter: frames replaced under the latest-frame policy).
 * </ul>
 */
public final class DetectMetrics {

    public static final String FRAMES_REJECTED = "framesRejected";
    public static final String BATCH_SIZE = "batchSize";
    public static final String BATCH_WAIT_MILLIS = "batchWaitMillis";
    public static final String INFERENCE_MILLIS = "inferenceMillis";
    public static final String QUEUE_DEPTH = "queueDepth";
    public static final String IN_FLIGHT_BYTES = "inFlightBytes";
    public static final String CAMERA_GROUP = "camera";
    public static final String FRAMES_PER_SECOND = "framesPerSecond";
    public static final String FRAMES_SKIPPED = "framesSkipped";

    private DetectMetrics() {}
}
