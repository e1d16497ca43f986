package dev.vigil.operators.track;

import dev.vigil.models.Detection;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ByteTrackerTest {

    /** A person-class detection with its centre at (cx, cy). */
    static Detection det(float score, double cx, double cy, double w, double h) {
        return det(0, score, cx, cy, w, h);
    }

    static Detection det(int classId, float score, double cx, double cy, double w, double h) {
        return new Detection(classId, classId == 0 ? "person" : "class" + classId, score,
                (float) (cx - w / 2), (float) (cy - h / 2), (float) (cx + w / 2), (float) (cy + h / 2));
    }

    private static TrackedObject only(List<TrackedObject> objects) {
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    @Test
    void aSingleObjectKeepsOneIdAndItsVelocityIsEstimated() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        TrackedObject last = null;
        for (int f = 0; f < 30; f++) {
            last = only(tracker.update(f, List.of(det(0.9f, 100 + 4 * f, 200 + f, 40, 100))));
            assertThat(last.trackId()).isEqualTo(1);
            assertThat(last.state()).isEqualTo(TrackState.CONFIRMED);
        }
        assertThat(last.vx()).isCloseTo(4, within(0.2f));
        assertThat(last.vy()).isCloseTo(1, within(0.2f));
        assertThat(last.ageFrames()).isEqualTo(29);
        assertThat(last.label()).isEqualTo("person");
    }

    @Test
    void classAgnosticTrackingSeesOneObjectWhenTheDetectorReportsItUnderTwoClasses() {
        ByteTracker agnostic = new ByteTracker(TrackerSettings.DEFAULTS.toBuilder().classAware(false).build());
        ByteTracker aware = new ByteTracker(TrackerSettings.DEFAULTS);
        List<TrackedObject> agnosticOut = List.of();
        List<TrackedObject> awareOut = List.of();
        for (int f = 0; f < 10; f++) {
            // A pickup: "car" and "truck" boxes almost on top of each other, and a second car elsewhere.
            List<Detection> detections = List.of(
                    det(2, 0.8f, 100 + 3 * f, 200, 80, 50),
                    det(7, 0.7f, 101 + 3 * f, 200, 80, 51),
                    det(2, 0.9f, 400, 100, 60, 40));
            agnosticOut = agnostic.update(f, detections);
            awareOut = aware.update(f, detections);
        }
        assertThat(agnosticOut).hasSize(2);
        assertThat(agnosticOut).extracting(TrackedObject::classId).containsExactlyInAnyOrder(2, 2);
        assertThat(awareOut).as("class-aware keeps a track per class").hasSize(3);
    }

    @Test
    void crossingPathsKeepTheirIds() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        Set<String> pairs = new HashSet<>();
        for (int f = 0; f < 50; f++) {
            double ax = 100 + 8 * f; // left to right
            double bx = 500 - 8 * f; // right to left, crossing at frame 25
            List<TrackedObject> out = tracker.update(f, List.of(
                    det(0.9f, ax, 200, 40, 100), det(0.85f, bx, 215, 40, 100)));
            assertThat(out).hasSize(2);
            for (TrackedObject o : out) {
                double cx = (o.x1() + o.x2()) / 2;
                String who = Math.abs(cx - ax) < Math.abs(cx - bx) ? "A" : "B";
                if (Math.abs(ax - bx) > 20) { // who is who is ambiguous only at the crossing itself
                    pairs.add(who + o.trackId());
                }
            }
        }
        assertThat(pairs).containsExactlyInAnyOrder("A1", "B2");
    }

    @Test
    void aTwentyFrameOcclusionKeepsTheIdWithinTheBuffer() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        for (int f = 0; f < 20; f++) {
            assertThat(only(tracker.update(f, List.of(det(0.9f, 100 + 5 * f, 200, 40, 100)))).trackId()).isEqualTo(1);
        }
        for (int f = 20; f < 40; f++) {
            assertThat(tracker.update(f, List.of())).isEmpty(); // lost tracks are not reported by default
        }
        TrackedObject back = only(tracker.update(40, List.of(det(0.9f, 100 + 5 * 40, 200, 40, 100))));
        assertThat(back.trackId()).isEqualTo(1);
        assertThat(back.state()).isEqualTo(TrackState.CONFIRMED);
        assertThat(back.ageFrames()).isEqualTo(40);
    }

    @Test
    void lostTracksAreReportedWithPredictedBoxesWhenAskedAndRemovedAfterTheBuffer() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().emitLost(true).emitTentative(true).trackBufferFrames(10).build());
        for (int f = 0; f < 10; f++) {
            tracker.update(f, List.of(det(0.9f, 100 + 5 * f, 200, 40, 100)));
        }
        TrackedObject lost = only(tracker.update(10, List.of()));
        assertThat(lost.state()).isEqualTo(TrackState.LOST);
        assertThat((lost.x1() + lost.x2()) / 2).isCloseTo(150, within(2f));
        for (int f = 11; f <= 19; f++) {
            assertThat(tracker.update(f, List.of())).hasSize(1);
        }
        assertThat(tracker.update(20, List.of())).isEmpty(); // 11 frames unmatched > buffer of 10
        assertThat(tracker.state().trackCount()).isZero();
        TrackedObject fresh = only(tracker.update(21, List.of(det(0.9f, 205, 200, 40, 100))));
        assertThat(fresh.trackId()).isEqualTo(2);
        assertThat(fresh.state()).isEqualTo(TrackState.TENTATIVE);
    }

    @Test
    void jitteryBoxesKeepOneId() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        Random random = new Random(42);
        int reported = 0;
        for (int f = 0; f < 200; f++) {
            double jx = random.nextGaussian() * 4;
            double jy = random.nextGaussian() * 4;
            double jw = random.nextGaussian() * 3;
            float score = 0.55f + random.nextFloat() * 0.4f;
            for (TrackedObject o : tracker.update(f, List.of(det(score, 300 + jx, 250 + jy, 50 + jw, 120 + jw)))) {
                assertThat(o.trackId()).isEqualTo(1);
                reported++;
            }
        }
        assertThat(reported).isEqualTo(200);
    }

    @Test
    void aNewObjectIsConfirmedOnItsSecondFrameWithANewId() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        for (int f = 0; f < 10; f++) {
            tracker.update(f, List.of(det(0.9f, 100, 200, 40, 100)));
        }
        List<TrackedObject> appeared = tracker.update(10, List.of(det(0.9f, 100, 200, 40, 100), det(0.8f, 400, 200, 40, 100)));
        assertThat(appeared).extracting(TrackedObject::trackId).containsExactly(1L);
        List<TrackedObject> confirmed = tracker.update(11, List.of(det(0.9f, 100, 200, 40, 100), det(0.8f, 402, 200, 40, 100)));
        assertThat(confirmed).extracting(TrackedObject::trackId).containsExactly(1L, 2L);
        assertThat(confirmed.get(1).ageFrames()).isEqualTo(1);
    }

    @Test
    void aOneFrameFalseAlarmNeverBecomesATrack() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().emitTentative(true).build());
        tracker.update(0, List.of(det(0.9f, 100, 200, 40, 100)));
        List<TrackedObject> blip = tracker.update(1, List.of(det(0.9f, 100, 200, 40, 100), det(0.7f, 500, 100, 30, 30)));
        assertThat(blip).extracting(TrackedObject::state).containsExactly(TrackState.CONFIRMED, TrackState.TENTATIVE);
        assertThat(tracker.update(2, List.of(det(0.9f, 100, 200, 40, 100)))).extracting(TrackedObject::trackId).containsExactly(1L);
        assertThat(tracker.state().trackCount()).isEqualTo(1);
    }

    @Test
    void minConfirmHitsOfThreeNeedsThreeFrames() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().minConfirmHits(3).build());
        tracker.update(0, List.of());
        assertThat(tracker.update(1, List.of(det(0.9f, 100, 200, 40, 100)))).isEmpty();
        assertThat(tracker.update(2, List.of(det(0.9f, 101, 200, 40, 100)))).isEmpty();
        assertThat(tracker.update(3, List.of(det(0.9f, 102, 200, 40, 100)))).extracting(TrackedObject::trackId).containsExactly(1L);
    }

    @Test
    void lowScoreDetectionsKeepATrackAliveButStartNone() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        for (int f = 0; f < 5; f++) {
            tracker.update(f, List.of(det(0.9f, 100, 200, 40, 100)));
        }
        for (int f = 5; f < 10; f++) {
            // Partly occluded: the detector is unsure; a low-score box elsewhere must not start a track.
            TrackedObject o = only(tracker.update(f, List.of(det(0.3f, 100, 200, 40, 100), det(0.3f, 400, 200, 40, 100))));
            assertThat(o.trackId()).isEqualTo(1);
            assertThat(o.score()).isEqualTo(0.3f);
        }
        assertThat(tracker.state().trackCount()).isEqualTo(1);
    }

    @Test
    void skippedFramesCountAsTimePassing() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        for (int f = 0; f < 10; f++) {
            tracker.update(f, List.of(det(0.9f, 100 + 6 * f, 200, 40, 100)));
        }
        // Frames 10..19 never arrive; at frame 20 the object is 6 px/frame further on: 40 px
        // beyond its box, so only a prediction through the gap can match it.
        TrackedObject o = only(tracker.update(20, List.of(det(0.9f, 100 + 6 * 20, 200, 40, 100))));
        assertThat(o.trackId()).isEqualTo(1);
        assertThat(o.ageFrames()).isEqualTo(20);
    }

    @Test
    void classAwareMatchingKeepsClassesApartAndClassAgnosticDoesNot() {
        ByteTracker aware = new ByteTracker(TrackerSettings.builder().emitTentative(true).build());
        aware.update(0, List.of(det(0, 0.9f, 100, 200, 40, 100)));
        List<TrackedObject> out = aware.update(1, List.of(det(2, 0.9f, 100, 200, 40, 100)));
        assertThat(out).extracting(TrackedObject::trackId).containsExactly(2L);
        assertThat(out.get(0).label()).isEqualTo("class2");

        ByteTracker agnostic = new ByteTracker(TrackerSettings.builder().classAware(false).build());
        agnostic.update(0, List.of(det(0, 0.9f, 100, 200, 40, 100)));
        TrackedObject o = only(agnostic.update(1, List.of(det(2, 0.9f, 100, 200, 40, 100))));
        assertThat(o.trackId()).isEqualTo(1);
        assertThat(o.classId()).isEqualTo(2);
    }

    @Test
    void framesMustAdvance() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        tracker.update(5, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tracker.update(5, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyObjectsGetDistinctIds() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        List<Detection> dets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dets.add(det(0.9f, 50 + 60 * i, 200, 40, 100));
        }
        assertThat(tracker.update(0, dets)).extracting(TrackedObject::trackId).doesNotHaveDuplicates().hasSize(20);
        assertThat(tracker.update(1, dets)).extracting(TrackedObject::trackId).doesNotHaveDuplicates().hasSize(20);
        assertThat(tracker.state().nextId()).isEqualTo(21);
    }
}
