package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackedObject;

import java.util.Locale;

/** The point of a track's box that lines and zones test: where a person stands is its bottom centre. */
public enum Anchor {
    BOTTOM_CENTRE,
    CENTRE,
    TOP_CENTRE;

    public Point of(TrackedObject o) {
        double x = (o.x1() + o.x2()) / 2.0;
        return switch (this) {
            case BOTTOM_CENTRE -> new Point(x, o.y2());
            case CENTRE -> new Point(x, (o.y1() + o.y2()) / 2.0);
            case TOP_CENTRE -> new Point(x, o.y1());
        };
    }

    /** Name in configuration: {@code bottom-centre}, {@code centre}, {@code top-centre}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The anchor named {@code name} in configuration ("center" spellings accepted), or null. */
    public static Anchor fromConfig(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-').replace("center", "centre");
        for (Anchor a : values()) {
            if (a.configName().equals(n)) {
                return a;
            }
        }
        return null;
    }
}
