package dev.vigil.operators.analytics;

import java.io.Serializable;

/** A point in source-frame pixels (x right, y down). */
public record Point(double x, double y) implements Serializable {

    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
