package dev.vigil.operators;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * A frame the pipeline could not process, with what was wrong and where. Rejects go to their own
 * output (a file or topic beside the results) so that nothing is dropped silently.
 *
 * <p>One reject may stand for several frames: frames missing from a stream are one reject for the
 * whole gap, from {@code sequence} to {@code lastSequence}, counting {@code frames} frames.
 *
 * @param cameraId camera of the rejected frame
 * @param sequence the frame's index in its camera's stream (the first one, for a gap)
 * @param timestampMillis the frame's event time
 * @param stage the pipeline stage that rejected it
 * @param reason what was wrong, naming the input and position where known
 * @param rejectedAtMillis wall clock when it was rejected
 * @param lastSequence the last frame index it stands for ({@code sequence} for a single frame)
 * @param frames how many frames it stands for (1 for a single frame)
 */
@TypeInfo(RejectTypeInfoFactory.class)
public record Reject(
        String cameraId, long sequence, long timestampMillis, Stage stage, String reason, long rejectedAtMillis,
        long lastSequence, long frames) {

    public Reject {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        if (lastSequence < sequence || frames < 1 || frames > lastSequence - sequence + 1) {
            throw new IllegalArgumentException(
                    "a reject of " + frames + " frames cannot lie between sequences " + sequence + " and " + lastSequence);
        }
    }

    /** The reject of a single frame. */
    public Reject(String cameraId, long sequence, long timestampMillis, Stage stage, String reason,
            long rejectedAtMillis) {
        this(cameraId, sequence, timestampMillis, stage, reason, rejectedAtMillis, sequence, 1);
    }

    /** Where in the pipeline a frame was rejected. */
    public enum Stage {
        /** The source could not read or decode the input. */
        DECODE,
        /** The frame reached the detector but could not be run through the model. */
        DETECT,
        /** The frame's detections arrived after a later frame of the camera had been tracked. */
        TRACK,
        /** The frame's analytics arrived after its count window had been emitted. */
        COUNT
    }
}
