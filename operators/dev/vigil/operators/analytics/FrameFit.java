package dev.vigil.operators.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines and zones of a camera that lie wholly outside its frames, and so can never fire: coordinates
 * meant for another resolution, most likely. Checked by bounding box, which never calls a shape that
 * reaches into the frame outside.
 */
public final class FrameFit {

    private FrameFit() {}

    /** Each line and zone of {@code camera} outside a {@code width} x {@code height} frame, described. */
    public static List<String> outside(CameraSettings camera, int width, int height) {
        List<String> outside = new ArrayList<>();
        for (LineSettings line : camera.lines()) {
            if (!reachesInto(List.of(line.a(), line.b()), width, height)) {
                outside.add("line '" + line.name() + "'");
            }
        }
        for (ZoneSettings zone : camera.zones()) {
            if (!reachesInto(zone.polygon(), width, height)) {
                outside.add("zone '" + zone.name() + "'");
            }
        }
        return outside;
    }

    /** What a user is told about one shape that {@link #outside} found. */
    public static String message(String shape, int width, int height) {
        return shape + " lies entirely outside the " + width + "x" + height + " frame, so it can never fire";
    }

    private static boolean reachesInto(List<Point> points, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return maxX >= 0 && minX <= width && maxY >= 0 && minY <= height;
    }
}
