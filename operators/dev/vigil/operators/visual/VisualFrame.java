package dev.vigil.operators.visual;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * A frame's pixels beside what is drawn over them, for the annotated video and the event snapshots.
 *
 * @param frame the frame's pixels, possibly scaled down ({@link #frame()}'s size is the picture's;
 *     {@link FrameOverlay#width()} the source frame's, in which the marks are)
 * @param overlay what is drawn
 * @param lines each line's crossings in and out since the camera's first frame
 * @param annotate whether the frame belongs to the annotated video (else it is here for its snapshots only)
 */
@TypeInfo(VisualFrameTypeInfoFactory.class)
public record VisualFrame(Frame frame, FrameOverlay overlay, List<LineTotal> lines, boolean annotate) {

    /** Crossings of one line so far. */
    public record LineTotal(String line, long in, long out) {
        public LineTotal {
            Objects.requireNonNull(line, "line");
        }
    }

    public VisualFrame {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(overlay, "overlay");
        lines = List.copyOf(lines);
    }
}
