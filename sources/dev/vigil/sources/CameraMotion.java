package dev.vigil.sources;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Where a camera's image content lies in a frame relative to an earlier frame of the same camera: the
 * estimated global motion (a translation) of a moving camera, summed frame by frame since frame
 * {@code originSequence}. A static point at (u, v) in frame {@code originSequence} is at (u + x, v + y) in
 * this frame. The motion between two frames of the same origin is the difference of their offsets, whatever
 * frames lie between; frames of different origins (the estimate was lost in between, or the estimating task
 * restarted) have no known motion between them.
 *
 * @param originSequence the frame the offsets are measured from (its own offset is 0, 0)
 * @param x horizontal offset, pixels of the frame (right is positive)
 * @param y vertical offset, pixels (down is positive)
 */
public record CameraMotion(long originSequence, double x, double y) {

    /** The motion from {@code earlier} to this frame, {dx, dy}; null when the two have different origins. */
    public double[] since(CameraMotion earlier) {
        if (earlier == null || earlier.originSequence != originSequence) {
            return null;
        }
        return new double[] {x - earlier.x, y - earlier.y};
    }

    /** Writes a motion or its absence as the serializers of the records and state that carry one do: a flag, then origin, x, y. */
    public static void writeNullable(CameraMotion motion, DataOutputView out) throws IOException {
        out.writeBoolean(motion != null);
        if (motion != null) {
            out.writeLong(motion.originSequence);
            out.writeDouble(motion.x);
            out.writeDouble(motion.y);
        }
    }

    /** Reads what {@link #writeNullable} wrote. */
    public static CameraMotion readNullable(DataInputView in) throws IOException {
        return in.readBoolean() ? new CameraMotion(in.readLong(), in.readDouble(), in.readDouble()) : null;
    }
}
