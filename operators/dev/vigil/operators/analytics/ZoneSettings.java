package dev.vigil.operators.analytics;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A zone: a simple polygon (its boundary counts as inside).
 *
 * @param name unique among the camera's zones; names the zone in events
 * @param polygon at least 3 points, not self-intersecting
 * @param classes class names that count; empty for all
 * @param anchor the point of a track's box that must be inside
 * @param entryFrames consecutive observations inside before a track has entered (≥ 1)
 * @param exitFrames consecutive observations outside before a track has left (≥ 1)
 * @param loiteringSeconds dwell after which one loitering event is reported per stay; 0 for none
 */
public record ZoneSettings(
        String name,
        List<Point> polygon,
        List<String> classes,
        Anchor anchor,
        int entryFrames,
        int exitFrames,
        double loiteringSeconds) implements Serializable {

    public static final int DEFAULT_ENTRY_FRAMES = 3;
    public static final int DEFAULT_EXIT_FRAMES = 3;

    public ZoneSettings {
        Objects.requireNonNull(name, "name");
        polygon = List.copyOf(polygon);
        classes = List.copyOf(classes);
        Objects.requireNonNull(anchor, "anchor");
    }

    public static ZoneSettings of(String name, List<Point> polygon, double loiteringSeconds) {
        return new ZoneSettings(name, polygon, List.of(), Anchor.BOTTOM_CENTRE, DEFAULT_ENTRY_FRAMES,
                DEFAULT_EXIT_FRAMES, loiteringSeconds);
    }

    public boolean counts(String label) {
        return classes.isEmpty() || classes.contains(label);
    }

    public long loiteringMillis() {
        return Math.round(loiteringSeconds * 1000);
    }
}
