package dev.vigil.operators.detect;

/** What the detector does with frames of a camera when it cannot keep up. */
public enum FramePolicy {
    /** Every frame is detected; a slow detector slows the source through backpressure (files, Kafka). */
    LOSSLESS,
    /**
     * Latest frame wins (live cameras): a frame still waiting for the model is replaced by a newer
     * frame of the same camera, and the replaced frame is counted as skipped, so latency stays
     * bounded instead of growing with a backlog.
     */
    LATEST
}
