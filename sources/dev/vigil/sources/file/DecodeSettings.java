package dev.vigil.sources.file;

import java.io.Serializable;

/**
 * How every split of a {@link FileVideoSource} is decoded; fixed when the source is built.
 *
 * @param frameStride emit every Nth decoded frame (1 = every frame)
 * @param maxFrames stop a camera after this many frames of its stream that the stride selects, emitted
 *     or lost (0 = no limit): the same stretch of video whether or not frames are missing from it
 * @param loop start the file over at its end, as if the camera kept running
 * @param realtime hold each frame back until its presentation time has come, relative to the
 *     first frame emitted, so that a file plays at the speed of a live camera
 */
record DecodeSettings(int frameStride, long maxFrames, boolean loop, boolean realtime) implements Serializable {

    /** Whether the frame with this sequence number is emitted under the stride. */
    boolean emits(long sequence) {
        return sequence % frameStride == 0;
    }

    /** Frames the stride selects among sequences {@code 0..sequence - 1}. */
    long selectedBefore(long sequence) {
        return (sequence + frameStride - 1) / frameStride;
    }

    /** Frames the stride selects among sequences {@code first..last}. */
    long selectedIn(long first, long last) {
        return selectedBefore(last + 1) - selectedBefore(first);
    }

    /** Whether a camera whose next frame has this sequence is done. */
    boolean reachedMaxFrames(long nextSequence) {
        return maxFrames > 0 && selectedBefore(nextSequence) >= maxFrames;
    }

    /** The last sequence within the frame limit ({@link Long#MAX_VALUE} without one). */
    long lastSequenceWithinLimit() {
        return maxFrames > 0 ? (maxFrames - 1) * frameStride : Long.MAX_VALUE;
    }
}
