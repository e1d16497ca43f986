package dev.vigil.sources.file;

import java.io.Serializable;

/**
 * Where a camera's reading stands: the checkpointed part of a {@link VideoSplit}.
 *
 * <p>A position always names the next frame to decode, so a restored reader continues right after
 * the last frame emitted before the checkpoint: nothing is emitted twice and nothing is skipped.
 *
 * @param nextFrame index, within the current pass through the file, of the next frame of the stream
 *     (frames missing from the stream count: see {@link StreamTimeline})
 * @param completedLoops how many times the file was played to its end and started over
 * @param sequenceBase frames decoded in the completed passes (a frame's sequence is
 *     {@code sequenceBase + its index in the pass})
 * @param timeOffsetMillis added to each frame's presentation time: the summed duration of the
 *     completed passes, so that time keeps increasing across loops
 * @param emittedFrames frames emitted so far
 * @param lastTimestampMillis event time of the last emitted frame (0 before the first); stamped
 *     on a damage marker
 * @param finished nothing more to read: the end was reached or damage was reported
 */
public record ReadPosition(
        long nextFrame,
        int completedLoops,
        long sequenceBase,
        long timeOffsetMillis,
        long emittedFrames,
        long lastTimestampMillis,
        boolean finished)
        implements Serializable {

    /** Before the first frame of a video. */
    public static final ReadPosition START = new ReadPosition(0, 0, 0, 0, 0, 0, false);

    /** Sequence number of the next frame to decode. */
    long nextSequence() {
        return sequenceBase + nextFrame;
    }

    /** After decoding the next frame without emitting it. */
    ReadPosition decodedOne() {
        return new ReadPosition(
                nextFrame + 1, completedLoops, sequenceBase, timeOffsetMillis, emittedFrames,
                lastTimestampMillis, finished);
    }

    /** After emitting a frame that carries this event time. */
    ReadPosition emittedOne(long timestampMillis) {
        return new ReadPosition(
                nextFrame, completedLoops, sequenceBase, timeOffsetMillis, emittedFrames + 1,
                timestampMillis, finished);
    }

    /** After frames missing from the stream, up to (not including) the frame with index {@code next}. */
    ReadPosition missingUpTo(long next) {
        return new ReadPosition(
                next, completedLoops, sequenceBase, timeOffsetMillis, emittedFrames, lastTimestampMillis, finished);
    }

    /** At the start of the next pass through a file whose pass lasted {@code passMillis}. */
    ReadPosition nextLoop(long passMillis) {
        return new ReadPosition(
                0, completedLoops + 1, sequenceBase + nextFrame, timeOffsetMillis + passMillis, emittedFrames,
                lastTimestampMillis, false);
    }

    ReadPosition finish() {
        return new ReadPosition(
                nextFrame, completedLoops, sequenceBase, timeOffsetMillis, emittedFrames, lastTimestampMillis,
                true);
    }
}
