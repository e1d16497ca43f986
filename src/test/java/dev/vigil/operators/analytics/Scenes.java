package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import java.util.List;

/** Synthetic tracks for the analytics tests: 100 ms per frame, boxes 20 × 50 px. */
final class Scenes {

    private Scenes() {}

    /** A confirmed person whose box has its bottom centre at (x, y). */
    static TrackedObject person(long id, double x, double y) {
        return obj(id, "person", x, y, TrackState.CONFIRMED);
    }

    static TrackedObject obj(long id, String label, double x, double y, TrackState state) {
        return new TrackedObject(id, label.equals("person") ? 0 : 2, label, 0.9f, (float) x - 10, (float) y - 50,
                (float) x + 10, (float) y, 0, 0, 10, state);
    }

    static TrackedFrame frame(String camera, long seq, TrackedObject... objects) {
        return new TrackedFrame(camera, seq, seq * 100, 640, 480, List.of(objects));
    }

    static Point p(double x, double y) {
        return new Point(x, y);
    }

    /** Horizontal line from (100, 300) to (500, 300); "in" is below it (right of a→b on screen). */
    static LineSettings gateLine() {
        return LineSettings.of("gate", p(100, 300), p(500, 300), LineSettings.Side.RIGHT);
    }

    /** Square zone (100, 100)–(300, 300), 3 frames inertia, loitering after 2 s. */
    static ZoneSettings lobby() {
        return ZoneSettings.of("lobby", List.of(p(100, 100), p(300, 100), p(300, 300), p(100, 300)), 2);
    }
}
