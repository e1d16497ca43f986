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
 */
public record DetectionSettings(BatchingSettings batching, FramePolicy policy, int capacity, Duration timeout)
        implements Serializable {

    public DetectionSettings {
        Objects.requireNonNull(batching, "batching");
        Objects.requireNonNull(policy, "policy");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
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
