package dev.vigil.operators.analytics;

import java.util.List;

/**
 * Plane geometry in image coordinates (y grows downwards). Exact for the integer and
 * half-pixel coordinates that configurations and boxes use; other values are compared with a
 * small tolerance so that a point computed to lie on a line counts as on it.
 */
public final class Geometry {

    /** Cross products smaller than this count as zero (collinear). */
    static final double EPSILON = 1e-9;

    private Geometry() {}

    /** (b - a) × (p - a): positive when p is to the right of a→b as seen on screen, negative left, 0 on the line. */
    public static double cross(Point a, Point b, Point p) {
        return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
    }

    /**
     * Which side of the infinite line through a and b the point p is on: +1 right of a→b as seen
     * on screen (y down), -1 left, 0 on the line.
     */
    public static int side(Point a, Point b, Point p) {
        double c = cross(a, b, p);
        double scale = Math.max(1, Math.abs(b.x() - a.x()) + Math.abs(b.y() - a.y()))
                * Math.max(1, Math.abs(p.x() - a.x()) + Math.abs(p.y() - a.y()));
        if (Math.abs(c) <= EPSILON * scale) {
            return 0;
        }
        return c > 0 ? 1 : -1;
    }

    /** Whether p, known to be on the line through a and b, lies within the segment's bounding box. */
    static boolean onSegment(Point a, Point b, Point p) {
        return p.x() >= Math.min(a.x(), b.x()) - EPSILON && p.x() <= Math.max(a.x(), b.x()) + EPSILON
                && p.y() >= Math.min(a.y(), b.y()) - EPSILON && p.y() <= Math.max(a.y(), b.y()) + EPSILON;
    }

    /** Whether p lies on the closed segment a–b. */
    public static boolean pointOnSegment(Point a, Point b, Point p) {
        return side(a, b, p) == 0 && onSegment(a, b, p);
    }

    /**
     * Whether the closed segments p1–p2 and q1–q2 share a point: proper crossings, an endpoint
     * touching the other segment, and collinear overlaps all count. A zero-length segment is a point.
     */
    public static boolean segmentsIntersect(Point p1, Point p2, Point q1, Point q2) {
        int d1 = side(q1, q2, p1);
        int d2 = side(q1, q2, p2);
        int d3 = side(p1, p2, q1);
        int d4 = side(p1, p2, q2);
        if (d1 * d2 < 0 && d3 * d4 < 0) {
            return true;
        }
        return (d1 == 0 && onSegment(q1, q2, p1))
                || (d2 == 0 && onSegment(q1, q2, p2))
                || (d3 == 0 && onSegment(p1, p2, q1))
                || (d4 == 0 && onSegment(p1, p2, q2));
    }

    /** Length of the segment a–b. */
    public static double length(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    /** Whether p is inside the polygon or on its boundary (even-odd rule for the interior). */
    public static boolean inPolygon(List<Point> polygon, Point p) {
        int n = polygon.size();
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = polygon.get(j);
            Point b = polygon.get(i);
            if (pointOnSegment(a, b, p)) {
                return true;
            }
            if ((b.y() > p.y()) != (a.y() > p.y())) {
                double xCross = b.x() + (p.y() - b.y()) * (a.x() - b.x()) / (a.y() - b.y());
                if (p.x() < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /**
     * The first pair of polygon edges (edge i joins vertex i to vertex i+1, the last edge closes the
     * polygon) that intersect although they are not neighbours, or that overlap or meet other than
     * at their shared vertex when they are; null for a simple polygon.
     */
    public static int[] selfIntersection(List<Point> polygon) {
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            Point a1 = polygon.get(i);
            Point a2 = polygon.get((i + 1) % n);
            for (int j = i + 1; j < n; j++) {
                Point b1 = polygon.get(j);
                Point b2 = polygon.get((j + 1) % n);
                boolean adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (!adjacent) {
                    if (segmentsIntersect(a1, a2, b1, b2)) {
                        return new int[] {i, j};
                    }
                } else {
                    // Neighbours share one vertex; they only fold back onto each other when collinear and overlapping.
                    Point shared = j == i + 1 ? a2 : a1;
                    Point aOther = shared == a2 ? a1 : a2;
                    Point bOther = j == i + 1 ? b2 : b1;
                    if (side(aOther, shared, bOther) == 0
                            && ((bOther.x() - shared.x()) * (aOther.x() - shared.x())
                                    + (bOther.y() - shared.y()) * (aOther.y() - shared.y())) > 0) {
                        return new int[] {i, j};
                    }
                }
            }
        }
        return null;
    }

    /** Twice the signed area (shoelace); 0 for a polygon with all points on one line. */
    public static double doubleArea(List<Point> polygon) {
        double s = 0;
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            Point a = polygon.get(i);
            Point b = polygon.get((i + 1) % n);
            s += a.x() * b.y() - b.x() * a.y();
        }
        return s;
    }
}
