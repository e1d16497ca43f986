package dev.vigil.operators.track;

import java.util.Objects;

/**
 * One tracked object in one frame. Field meanings are stable (see
 * {@code sinks/schema/tracked-frame.schema.json}).
 *
 * @param trackId the track's id, unique within its camera for as long as the camera's tracking
 *     state lives (it survives checkpoints and restores; it restarts at 1 after the camera's
 *     state expired for idleness)
 * @param classId class index of the track (its latest detection's class)
 * @param label class name
 * @param score confidence of the latest matched detection, in [0, 1]
 * @param x1 left edge of the filtered box, source-frame pixels
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 * @param vx estimated horizontal velocity of the box centre, pixels per frame
 * @param vy estimated vertical velocity of the box centre, pixels per frame (down is positive)
 * @param ageFrames frames since the track started (0 in its first frame), gaps in the sequence included
 * @param state TENTATIVE, CONFIRMED (matched in this frame) or LOST (box is the prediction)
 */
public record TrackedObject(
        long trackId,
        int classId,
        String label,
        float score,
        float x1,
        float y1,
        float x2,
        float y2,
        float vx,
        float vy,
        long ageFrames,
        TrackState state) {

    public TrackedObject {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
