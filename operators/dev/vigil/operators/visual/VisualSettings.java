package dev.vigil.operators.visual;

import java.io.Serializable;
import java.util.Set;

/**
 * Which frames reach the drawing stage, and at what size.
 *
 * @param cameras cameras to draw; empty = all
 * @param annotate whether an annotated video is made
 * @param stride the video gets every {@code stride}-th frame of the stream (by sequence)
 * @param scale size of the video's pictures against the source frames, in (0, 1]
 * @param snapshots whether event snapshots are taken (they need every frame, at full size)
 */
public record VisualSettings(Set<String> cameras, boolean annotate, int stride, double scale, boolean snapshots)
        implements Serializable {

    public VisualSettings {
        cameras = Set.copyOf(cameras);
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
        if (!annotate && !snapshots) {
            throw new IllegalArgumentException("neither an annotated video nor snapshots: nothing to draw");
        }
    }

    public boolean covers(String camera) {
        return cameras.isEmpty() || cameras.contains(camera);
    }

    /** Whether the frame of {@code sequence} belongs to the annotated video. */
    public boolean annotates(long sequence) {
        return annotate && sequence % stride == 0;
    }

    /** Whether the frame of {@code sequence} may be needed: for the video, or for a snapshot of its events. */
    public boolean mayNeed(long sequence) {
        return snapshots || annotates(sequence);
    }

    /** The scale frames travel at: full size when snapshots are taken from them. */
    public double travelScale() {
        return snapshots ? 1.0 : scale;
    }
}
