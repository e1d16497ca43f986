package dev.vigil.operators.analytics;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A counting line: a finite segment from {@code a} to {@code b}.
 *
 * @param name unique among the camera's lines; names the line in events
 * @param a first point
 * @param b second point
 * @param inSide which side of a→b (as seen on screen, y down) is "in": moving to it is direction
 *     {@code in}, moving away is {@code out}
 * @param classes class names that count; empty for all
 * @param anchor the point of a track's box that must cross
 * @param minFramesOnSide observations of a track on the new side before its crossing counts (≥ 1)
 */
public record LineSettings(
        String name, Point a, Point b, Side inSide, List<String> classes, Anchor anchor, int minFramesOnSide)
        implements Serializable {

    public static final int DEFAULT_MIN_FRAMES_ON_SIDE = 3;

    /** A side of a directed line, as seen on screen. */
    public enum Side {
        LEFT(-1),
        RIGHT(1);

        /** The sign {@link Geometry#side} gives for this side. */
        public final int sign;

        Side(int sign) {
            this.sign = sign;
        }
    }

    public LineSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(inSide, "inSide");
        classes = List.copyOf(classes);
        Objects.requireNonNull(anchor, "anchor");
    }

    /** A line for all classes with the default anchor and confirmation frames. */
    public static LineSettings of(String name, Point a, Point b, Side inSide) {
        return new LineSettings(name, a, b, inSide, List.of(), Anchor.BOTTOM_CENTRE, DEFAULT_MIN_FRAMES_ON_SIDE);
    }

    public boolean counts(String label) {
        return classes.isEmpty() || classes.contains(label);
    }
}
