package dev.vigil.models;

import java.util.Objects;

/**
 * A detection of one pass of sliced inference, in frame pixels, with the sides of it that its tile's edges cut
 * ({@link CutSides#NONE} for the full-frame pass): what {@link BoxMerge} needs to tell a part of an object from a
 * whole one.
 */
public record PassDetection(Detection detection, CutSides cut) {

    public PassDetection {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(cut, "cut");
    }

    /** A detection that no tile edge cut. */
    public static PassDetection uncut(Detection detection) {
        return new PassDetection(detection, CutSides.NONE);
    }
}
