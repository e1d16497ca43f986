package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits a decoded frame with its presentation time as the record timestamp, and moves the split's
 * state past it in the same step, so a checkpoint never separates the two.
 */
final class FrameEmitter implements RecordEmitter<PositionedFrame, Frame, VideoSplitState> {

    @Override
    public void emitRecord(PositionedFrame element, SourceOutput<Frame> output, VideoSplitState state) {
        Frame frame = element.frame();
        output.collect(frame, frame.timestampMillis());
        state.advanceTo(element.after());
    }
}
