package dev.vigil.operators.detect;

import java.io.Serializable;
import java.time.Duration;

/**
 * How frames are grouped into model calls on one device.
 *
 * @param maxBatchSize a batch runs as soon as this many frames wait
 * @param maxWait a batch also runs once its first frame has waited this long, full or not
 * @param slotsPerDevice model calls that may run at once on one device; when all are busy, frames
 *     wait, the detection operator's in-flight capacity fills and Flink slows the sources
 */
public record BatchingSettings(int maxBatchSize, Duration maxWait, int slotsPerDevice) implements Serializable {

    public BatchingSettings {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
        }
        if (slotsPerDevice < 1) {
            throw new IllegalArgumentException("slotsPerDevice must be >= 1, was " + slotsPerDevice);
        }
    }
}
