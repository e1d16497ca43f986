package dev.vigil.operators.visual;

/**
 * Metrics of the drawing stage (operator {@code visual-join}).
 *
 * <ul>
 *   <li>{@value #FRAMES_MATCHED}: frames whose pixels met their overlay and went on to be drawn
 *   <li>{@value #FRAMES_UNMATCHED}: frames that never got an overlay (skipped by the latest-frame policy,
 *       rejected, or late), dropped
 *   <li>{@value #PENDING_FRAMES}: frames waiting for their overlay (gauge, this subtask)
 * </ul>
 */
public final class VisualMetrics {

    public static final String FRAMES_MATCHED = "framesMatched";
    public static final String FRAMES_UNMATCHED = "framesUnmatched";
    public static final String PENDING_FRAMES = "pendingFrames";

    private VisualMetrics() {}
}
