package dev.vigil.operators.track.eval;

import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MotEvaluatorTest {

    private static MotBox box(int frame, int id, double x, double y) {
        return new MotBox(frame, id, x, y, 40, 100, 1, 1, -1);
    }

    private static MotBox gt(int frame, int id, double x, double y, int flag, int cls) {
        return new MotBox(frame, id, x, y, 40, 100, flag, cls, 1);
    }

    /** Two people walking for 10 frames, far apart. */
    private static List<MotBox> twoPeople() {
        List<MotBox> rows = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            rows.add(box(f, 1, 10 + 3 * f, 50));
            rows.add(box(f, 2, 300 - 3 * f, 60));
        }
        return rows;
    }

    @Test
    void groundTruthAgainstItselfIsPerfect() {
        MotMetrics m = MotEvaluator.evaluate(twoPeople(), twoPeople());
        assertThat(m.mota()).isEqualTo(1.0);
        assertThat(m.idf1()).isEqualTo(1.0);
        assertThat(m.motp()).isCloseTo(1.0, within(1e-12));
        assertThat(m.fp()).isZero();
        assertThat(m.fn()).isZero();
        assertThat(m.idSwitches()).isZero();
        assertThat(m.mostlyTracked()).isEqualTo(2);
    }

    @Test
    void relabellingIdsChangesNothing() {
        List<MotBox> hyp = twoPeople().stream()
                .map(b -> new MotBox(b.frame(), b.id() == 1 ? 77 : 5, b.x(), b.y(), b.w(), b.h(), 1, 1, -1)).toList();
        MotMetrics m = MotEvaluator.evaluate(twoPeople(), hyp);
        assertThat(m.mota()).isEqualTo(1.0);
        assertThat(m.idf1()).isEqualTo(1.0);
    }

    @Test
    void anIdSwitchHalfwayCountsOnceAndHalvesTheIdentityMatchOfThatTrack() {
        // Person 1's track changes id from 1 to 3 at frame 6.
        List<MotBox> hyp = twoPeople().stream()
                .map(b -> b.id() == 1 && b.frame() >= 6 ? new MotBox(b.frame(), 3, b.x(), b.y(), b.w(), b.h(), 1, 1, -1) : b)
                .toList();
        MotMetrics m = MotEvaluator.evaluate(twoPeople(), hyp);
        assertThat(m.idSwitches()).isEqualTo(1);
        assertThat(m.mota()).isCloseTo(1 - 1.0 / 20, within(1e-12));
        assertThat(m.idtp()).isEqualTo(15); // person 2: 10, person 1: 5 of 10
        assertThat(m.idf1()).isCloseTo(2.0 * 15 / 40, within(1e-12));
    }

    @Test
    void swappedIdsBetweenTwoPeopleAreTwoSwitches() {
        List<MotBox> hyp = twoPeople().stream()
                .map(b -> b.frame() >= 6 ? new MotBox(b.frame(), 3 - b.id(), b.x(), b.y(), b.w(), b.h(), 1, 1, -1) : b)
                .toList();
        MotMetrics m = MotEvaluator.evaluate(twoPeople(), hyp);
        assertThat(m.idSwitches()).isEqualTo(2);
        assertThat(m.idf1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void missesAndFalseAlarmsAreCounted() {
        List<MotBox> hyp = new ArrayList<>(twoPeople());
        hyp.removeIf(b -> b.id() == 2 && b.frame() <= 3); // 3 misses
        hyp.add(box(4, 9, 500, 400)); // a false alarm
        hyp.add(box(5, 1, 10 + 3 * 5 + 30, 50)); // a duplicate of person 1, IoU < 0.5: another false alarm
        MotMetrics m = MotEvaluator.evaluate(twoPeople(), hyp);
        assertThat(m.fn()).isEqualTo(3);
        assertThat(m.fp()).isEqualTo(2);
        assertThat(m.idSwitches()).isZero();
        assertThat(m.mota()).isCloseTo(1 - 5.0 / 20, within(1e-12));
        assertThat(m.numHyp()).isEqualTo(19);
    }

    @Test
    void aGapInTrackingIsNotAnIdSwitchButAReturnUnderANewIdIs() {
        List<MotBox> gt = new ArrayList<>();
        List<MotBox> hyp = new ArrayList<>();
        for (int f = 1; f <= 9; f++) {
            gt.add(box(f, 1, 100, 100));
            if (f <= 3 || (f >= 5 && f <= 6)) {
                hyp.add(box(f, 1, 100, 100));
            } else if (f >= 8) {
                hyp.add(box(f, 2, 100, 100));
            }
        }
        MotMetrics m = MotEvaluator.evaluate(gt, hyp);
        assertThat(m.fn()).isEqualTo(2);
        assertThat(m.idSwitches()).isEqualTo(1);
    }

    @Test
    void distractorsAndIgnoredRowsCountNeitherWay() {
        List<MotBox> gt = List.of(
                gt(1, 1, 100, 100, 1, 1), // a pedestrian
                gt(1, 2, 300, 100, 0, 7), // static person: don't care
                gt(1, 3, 500, 100, 0, 1), // pedestrian marked "do not consider": not scored
                gt(1, 4, 700, 100, 1, 3)); // a car: not scored, not a distractor
        List<MotBox> hyp = List.of(box(1, 1, 100, 100), box(1, 2, 300, 100), box(1, 3, 700, 100));
        MotMetrics m = MotEvaluator.evaluate(gt, hyp);
        assertThat(m.numGt()).isEqualTo(1);
        assertThat(m.tp()).isEqualTo(1);
        assertThat(m.numHyp()).isEqualTo(2); // the box on the static person is dropped
        assertThat(m.fp()).isEqualTo(1); // the box on the car is a false alarm
        assertThat(m.fn()).isZero();
    }

    @Test
    void referenceTrackerOnTudCampusScoresAsPublishedByPyMotmetrics() throws IOException {
        Path dir = TestData.data("mot/TUD-Campus");
        MotMetrics m = MotEvaluator.evaluate(MotFiles.read(dir.resolve("gt/gt.txt")),
                MotFiles.read(dir.resolve("results/TUD-Campus.txt")));
        // py-motmetrics' README table for this pair: IDF1 55.8%, IDP 73.0%, IDR 45.1%, Rcll 58.2%,
        // Prcn 94.1%, GT 8, MT 1, PT 6, ML 1, FP 13, FN 150, IDs 7, MOTA 52.6%, MOTP 0.277 (1 - IoU).
        assertThat(m.numGt()).isEqualTo(359);
        assertThat(m.fp()).isEqualTo(13);
        assertThat(m.fn()).isEqualTo(150);
        assertThat(m.idSwitches()).isEqualTo(7);
        assertThat(m.mota()).isCloseTo(0.526, within(0.0005));
        assertThat(1 - m.motp()).isCloseTo(0.277, within(0.0005));
        assertThat(m.idf1()).isCloseTo(0.558, within(0.0005));
        assertThat(m.idp()).isCloseTo(0.730, within(0.0005));
        assertThat(m.idr()).isCloseTo(0.451, within(0.0005));
        assertThat(m.gtTracks()).isEqualTo(8);
        assertThat(m.mostlyTracked()).isEqualTo(1);
        assertThat(m.mostlyLost()).isEqualTo(1);
    }
}
