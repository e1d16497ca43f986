package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.vigil.operators.analytics.Scenes.frame;
import static dev.vigil.operators.analytics.Scenes.obj;
import static dev.vigil.operators.analytics.Scenes.person;
import static org.assertj.core.api.Assertions.assertThat;

class CameraAnalyticsTest {

    private final CameraAnalyticsState state = new CameraAnalyticsState();
    private final List<AnalyticsEvent> events = new ArrayList<>();
    private final List<FrameSummary> summaries = new ArrayList<>();
    private long seq;

    private void run(CameraSettings settings, int timeout, TrackedFrame frame) {
        FrameSummary s = CameraAnalytics.process(settings, timeout, state, frame, events::add);
        if (s != null) {
            summaries.add(s);
        }
    }

    /** Runs one track (id 1, x = 300) through the bottom-centre y positions given, one per frame; NaN = not seen. */
    private void walk(CameraSettings settings, double... ys) {
        for (double y : ys) {
            TrackedFrame f = Double.isNaN(y) ? frame("cam", seq) : frame("cam", seq, person(1, 300, y));
            run(settings, 30, f);
            seq++;
        }
    }

    private static CameraSettings line() {
        return new CameraSettings(List.of(Scenes.gateLine()), List.of());
    }

    private List<String> crossings() {
        return events.stream().filter(e -> e.type() == AnalyticsEvent.Type.LINE_CROSSED)
                .map(e -> e.direction() + "@" + e.sequence()).toList();
    }

    @Test
    void aCleanCrossingCountsOnceAfterTheConfirmationFrames() {
        walk(line(), 260, 280, 290, 310, 320, 330, 340, 350);
        assertThat(crossings()).containsExactly("in@5");
        AnalyticsEvent e = events.get(0);
        assertThat(e.eventId()).isEqualTo("cam:line_crossed:gate:1:5");
        assertThat(e.name()).isEqualTo("gate");
        assertThat(e.label()).isEqualTo("person");
        assertThat(e.timestampMillis()).isEqualTo(500);
        assertThat(summaries.get(5).crossings()).containsExactly(new FrameSummary.Crossing("gate", "person", true));
    }

    @Test
    void jitterOnTheLineCountsOnce() {
        walk(line(), 280, 295, 305, 295, 305, 298, 305, 306, 307, 295, 305, 306, 307, 310, 320);
        assertThat(crossings()).containsExactly("in@8");
    }

    @Test
    void stopAndGoOnTheLineCountsOnce() {
        walk(line(), 260, 280, 300, 300, 300, 300, 300, 302, 300, 310, 320, 330, 340);
        // frames exactly on the line neither confirm nor reset: 302, 310, 320 are the three below
        assertThat(crossings()).containsExactly("in@10");
    }

    @Test
    void aUTurnBeforeConfirmationDoesNotCount() {
        walk(line(), 260, 290, 305, 310, 290, 270, 250);
        assertThat(crossings()).isEmpty();
    }

    @Test
    void crossingBackTrulyCountsTheOtherWay() {
        walk(line(), 260, 280, 310, 320, 330, 320, 290, 280, 270, 260);
        assertThat(crossings()).containsExactly("in@4", "out@8");
    }

    @Test
    void aTrackOccludedWhileCrossingCountsWhenSeenOnTheOtherSide() {
        walk(line(), 260, 280, 290, Double.NaN, Double.NaN, Double.NaN, 330, 340, Double.NaN, 350);
        assertThat(crossings()).containsExactly("in@9");
    }

    @Test
    void aFastObjectSkippingOverTheLineCounts() {
        walk(line(), 200, 400, 420, 440);
        assertThat(crossings()).containsExactly("in@3");
    }

    @Test
    void passingBesideTheEndOfTheLineDoesNotCountButCrossingBackThroughItDoes() {
        for (double[] xy : new double[][] {{600, 250}, {600, 280}, {600, 320}, {600, 340}, {600, 350}, {550, 350},
                {300, 350}, {300, 330}, {300, 280}, {300, 270}, {300, 260}}) {
            run(line(), 30, frame("cam", seq++, person(1, xy[0], xy[1])));
        }
        assertThat(crossings()).containsExactly("out@10");
    }

    @Test
    void onlyConfirmedTracksOfTheFilteredClassesCount() {
        LineSettings cars = new LineSettings("gate", Scenes.p(100, 300), Scenes.p(500, 300), LineSettings.Side.RIGHT,
                List.of("car"), Anchor.BOTTOM_CENTRE, 3);
        CameraSettings settings = new CameraSettings(List.of(cars), List.of());
        double[] ys = {260, 280, 310, 320, 330, 340};
        for (double y : ys) {
            run(settings, 30, frame("cam", seq++, person(1, 300, y), obj(2, "car", 200, y, TrackState.CONFIRMED),
                    obj(3, "car", 250, y, TrackState.LOST), obj(4, "car", 350, y, TrackState.TENTATIVE)));
        }
        assertThat(events).extracting(AnalyticsEvent::trackId).containsExactly(2L);
    }

    @Test
    void theAnchorDecidesWhichPointCrosses() {
        LineSettings top = new LineSettings("gate", Scenes.p(100, 300), Scenes.p(500, 300), LineSettings.Side.RIGHT,
                List.of(), Anchor.TOP_CENTRE, 3);
        CameraSettings settings = new CameraSettings(List.of(top), List.of());
        // bottom centre crosses at y 310 but the top (y - 50) only from y 350
        for (double y : new double[] {260, 310, 320, 330, 340, 360, 370, 380}) {
            run(settings, 30, frame("cam", seq++, person(1, 300, y)));
        }
        assertThat(crossings()).containsExactly("in@7");
    }

    @Test
    void duplicateFramesAreIgnored() {
        walk(line(), 260, 280, 310, 320, 330);
        assertThat(CameraAnalytics.process(line(), 30, state, frame("cam", 4, person(1, 300, 330)), events::add)).isNull();
        assertThat(crossings()).containsExactly("in@4");
    }

    // --- zones ---

    private static CameraSettings zone() {
        return new CameraSettings(List.of(), List.of(Scenes.lobby()));
    }

    private List<String> zoneEvents() {
        return events.stream().filter(e -> e.type() != AnalyticsEvent.Type.LINE_CROSSED)
                .map(e -> e.type().wireName() + "@" + e.sequence() + (e.dwellMillis() >= 0 ? "/" + e.dwellMillis() : ""))
                .toList();
    }

    /** Frames with track 1 at the bottom-centre x positions given (y = 200); NaN = not seen. */
    private void moveX(CameraSettings settings, int timeout, double... xs) {
        for (double x : xs) {
            run(settings, timeout, Double.isNaN(x) ? frame("cam", seq) : frame("cam", seq, person(1, x, 200)));
            seq++;
        }
    }

    @Test
    void enterAndExitWithInertia() {
        // seq:        0   1    2    3    4   5    6    7   8   9   10
        moveX(zone(), 30, 50, 150, 150, 50, 150, 150, 150, 50, 50, 150, 50, 50, 50, 50);
        // entered at 6 (run 4..6, from t=400); the dip at 7-8 and 10-.. : exit after 3 outside (10, 11, 12)
        assertThat(zoneEvents()).containsExactly("zone_entered@6", "zone_exited@12/600");
        assertThat(summaries.get(6).zones().get(0).countsByClass()).containsEntry("person", 1);
        assertThat(summaries.get(5).zones().get(0).total()).isZero();
        assertThat(summaries.get(12).zones().get(0).total()).isZero();
        assertThat(summaries.get(11).zones().get(0).total()).isEqualTo(1);
    }

    @Test
    void loiteringIsReportedOnceWhenTheDwellReachesTheThreshold() {
        double[] xs = new double[40];
        java.util.Arrays.fill(xs, 200);
        moveX(zone(), 30, xs);
        // entered from t=0 (seq 0), confirmed at seq 2; loitering at t >= 2000 → seq 20
        assertThat(zoneEvents()).containsExactly("zone_entered@2", "loitering@20/2000");
    }

    @Test
    void aTrackThatEndsInsideExitsOnce() {
        double[] xs = new double[20];
        java.util.Arrays.fill(xs, Double.NaN);
        for (int i = 0; i < 6; i++) {
            xs[i] = 200;
        }
        moveX(zone(), 5, xs);
        // last seen at seq 5 (t=500), entered from t=0; removed when seq - 5 > 5 → seq 11
        assertThat(zoneEvents()).containsExactly("zone_entered@2", "zone_exited@11/500");
        assertThat(events.get(1).message()).isEqualTo("track ended");
        assertThat(state.tracks).isEmpty();
        assertThat(summaries.get(10).zones().get(0).total()).isEqualTo(1);
        assertThat(summaries.get(11).zones().get(0).total()).isZero();
    }

    @Test
    void endedTracksAreForgottenAndSeenTracksAreSummarised() {
        run(line(), 2, frame("cam", 0, person(1, 300, 200), person(2, 300, 250)));
        run(line(), 2, frame("cam", 1, person(2, 300, 250)));
        run(line(), 2, frame("cam", 2, person(2, 300, 250)));
        assertThat(state.tracks).containsOnlyKeys(1L, 2L);
        run(line(), 2, frame("cam", 3, person(2, 300, 250)));
        assertThat(state.tracks).containsOnlyKeys(2L);
        assertThat(summaries.get(0).tracks()).containsOnlyKeys(1L, 2L);
    }

    @Test
    void memoryOfRemovedLinesAndZonesIsDropped() {
        moveX(new CameraSettings(List.of(Scenes.gateLine()), List.of(Scenes.lobby())), 30, 200, 200, 200);
        assertThat(state.tracks.get(1L).lines).containsOnlyKeys("gate");
        assertThat(state.tracks.get(1L).zones).containsOnlyKeys("lobby");
        moveX(CameraSettings.NONE, 30, 200);
        assertThat(state.tracks.get(1L).lines).isEmpty();
        assertThat(state.tracks.get(1L).zones).isEmpty();
    }

}
