package dev.vigil.operators.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GeometryTest {

    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void sideIsRightOfTheDirectedLineAsSeenOnScreen() {
        // a→b points right on screen; with y down, "below" is on the right hand.
        assertThat(Geometry.side(p(0, 0), p(10, 0), p(5, 3))).isEqualTo(1);
        assertThat(Geometry.side(p(0, 0), p(10, 0), p(5, -3))).isEqualTo(-1);
        assertThat(Geometry.side(p(0, 0), p(10, 0), p(50, 0))).isZero();
    }

    @Test
    void segmentsCrossingTouchingAndApart() {
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 10), p(0, 10), p(10, 0))).isTrue();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(5, 5))).as("T touch").isTrue();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(10, 0), p(20, 5))).as("shared endpoint").isTrue();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(11, -5), p(11, 5))).as("beside the end").isFalse();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 10), p(0, 1), p(10, 11))).as("parallel").isFalse();
    }

    @Test
    void collinearSegmentsIntersectOnlyWhenTheyOverlap() {
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(5, 0), p(15, 0))).isTrue();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(11, 0), p(15, 0))).isFalse();
        assertThat(Geometry.segmentsIntersect(p(0, 0), p(10, 0), p(3, 0), p(3, 0))).as("point on segment").isTrue();
    }

    @Test
    void pointInPolygonCountsTheBoundaryAsInside() {
        List<Point> square = List.of(p(0, 0), p(10, 0), p(10, 10), p(0, 10));
        assertThat(Geometry.inPolygon(square, p(5, 5))).isTrue();
        assertThat(Geometry.inPolygon(square, p(10, 5))).as("on an edge").isTrue();
        assertThat(Geometry.inPolygon(square, p(0, 0))).as("on a vertex").isTrue();
        assertThat(Geometry.inPolygon(square, p(10.01, 5))).isFalse();
        assertThat(Geometry.inPolygon(square, p(-1, 10))).as("level with an edge, outside").isFalse();
        List<Point> concave = List.of(p(0, 0), p(10, 0), p(10, 10), p(5, 5), p(0, 10));
        assertThat(Geometry.inPolygon(concave, p(5, 8))).as("in the notch").isFalse();
        assertThat(Geometry.inPolygon(concave, p(2, 8))).isTrue();
    }

    @Test
    void selfIntersectionNamesTheCrossingEdges() {
        assertThat(Geometry.selfIntersection(List.of(p(0, 0), p(10, 0), p(10, 10), p(0, 10)))).isNull();
        // bow tie: edge 0 (0,0)-(10,10) crosses edge 2 (10,0)-(0,10)
        assertThat(Geometry.selfIntersection(List.of(p(0, 0), p(10, 10), p(10, 0), p(0, 10)))).containsExactly(0, 2);
        // an edge folding back onto its neighbour
        assertThat(Geometry.selfIntersection(List.of(p(0, 0), p(10, 0), p(5, 0), p(5, 5)))).isNotNull();
        assertThat(Geometry.selfIntersection(List.of(p(0, 0), p(10, 0), p(5, 5)))).isNull();
    }
}
