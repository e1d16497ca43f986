package dev.vigil.sources.file;

import java.io.Serializable;

/**
 * How every split of a {@link FileVideoSource} is decoded; fixed when the source is built.
 *
 * @param frameStride emit every Nth decoded frame (1 = every frame)
 * @param maxFrames stop a camera after this many emitted frames (0 = no limit)
 * @param loop start the file over at its end, as if the camera kept running
 * @param realtime hold each frame back until its presentation time has come, relative to the
 *     first frame emitted, so that a file plays at the speed of a live camera
 */
record DecodeSettings(int frameStride, long maxFrames, boolean loop, boolean realtime) implements Serializable {

    /** Whether the frame with this sequence number is emitted under the stride. */
    boolean emits(long sequence) {
        return sequence % frameStride == 0;
    }

    /** Whether a camera that has emitted this many frames is done. */
    boolean reachedMaxFrames(long emitted) {
        return maxFrames > 0 && emitted >= maxFrames;
    }
}
