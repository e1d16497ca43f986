package dev.vigil.operators.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the detection stage.
 *
 * @param batching how frames are batched per device
 * @param policy what happens to frames when the detector falls behind
 * @param capacity frames in flight per subtask; a full subtask backpressures its source
 * @param timeout a frame not detected within this time fails the job (restart strategy applies)
 * @param maxInFlightBytes pixel bytes a subtask holds in flight before it backpressures, besides the
 *     capacity count (a single larger frame is still let in alone)
 * @param checkpointJpegQuality JPEG quality of the in-flight frames written into checkpoints, 1 to 100, or 0
 *     to write them raw (see {@link dev.vigil.sources.PixelStorage})
 * @param slicing which cameras' frames are cut into tiles for the model, and how (sliced inference)
 */
public record DetectionSettings(BatchingSettings batching, FramePolicy policy, int capacity, Duration timeout,
        long maxInFlightBytes, int checkpointJpegQuality, CameraSlicing slicing) implements Serializable {

    /**
     * Default in-flight pixel bound per subtask: three 1080p frames (6.2 MB each), one 4K frame or 31 frames
     * of 640x352. A checkpoint holds at most one frame more (see {@link InFlightBytes}), so with JPEG
     * checkpoints of quality 85 a 1080p camera's checkpoint stays near 1.2 MB; on the CPU the job is as fast
     * as with the whole count capacity in flight, and at small resolutions the count still governs.
     */
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 20L * 1024 * 1024;

    /** Default JPEG quality of checkpointed in-flight frames: high quality, about 1/23 of raw at 1080p. */
    public static final int DEFAULT_CHECKPOINT_JPEG_QUALITY = 85;

    /** Settings with the default in-flight byte bound and checkpoint JPEG quality, and no slicing. */
    public DetectionSettings(BatchingSettings batching, FramePolicy policy, int capacity, Duration timeout) {
        this(batching, policy, capacity, timeout, DEFAULT_MAX_IN_FLIGHT_BYTES, DEFAULT_CHECKPOINT_JPEG_QUALITY);
    }

    /** Settings without slicing: every frame goes to the model whole. */
    public DetectionSettings(BatchingSettings batching, FramePolicy policy, int capacity, Duration timeout,
            long maxInFlightBytes, int checkpointJpegQuality) {
        this(batching, policy, capacity, timeout, maxInFlightBytes, checkpointJpegQuality, CameraSlicing.NONE);
    }

    public DetectionSettings {
        Objects.requireNonNull(batching, "batching");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(slicing, "slicing");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxInFlightBytes < 1) {
            throw new IllegalArgumentException("maxInFlightBytes must be >= 1, was " + maxInFlightBytes);
        }
        if (checkpointJpegQuality < 0 || checkpointJpegQuality > 100) {
            throw new IllegalArgumentException("checkpointJpegQuality must be 0 to 100, was " + checkpointJpegQuality);
        }
    }

    /**
     * Enough in-flight frames per subtask to fill every slot's batch once more while the current
     * batches run, and no more: a larger capacity only adds latency and checkpoint size.
     */
    public static int defaultCapacity(BatchingSettings batching) {
        return 2 * batching.maxBatchSize() * batching.slotsPerDevice();
    }

    /**
     * The default capacity for {@code cameras} cameras under {@code policy}. Under the latest-frame
     * policy the operator must never fill up, or it would slow the cameras instead of dropping their
     * stale frames: each camera has at most one frame waiting (newer frames replace it) and a few
     * completed ones queued behind running batches for ordered output, so the capacity grows by two
     * frames per camera.
     */
    public static int defaultCapacity(BatchingSettings batching, FramePolicy policy, int cameras) {
        int lossless = defaultCapacity(batching);
        return policy == FramePolicy.LATEST ? lossless + 2 * cameras : lossless;
    }

    /** Lossless batching of up to 4 frames, waiting at most 20 ms, two slots, default capacity, 60 s timeout. */
    public static DetectionSettings defaults() {
        BatchingSettings batching = new BatchingSettings(4, Duration.ofMillis(20), 2);
        return new DetectionSettings(batching, FramePolicy.LOSSLESS, defaultCapacity(batching), Duration.ofSeconds(60));
    }
}
