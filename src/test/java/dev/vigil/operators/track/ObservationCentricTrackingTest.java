package dev.vigil.operators.track;

import dev.vigil.models.Detection;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.vigil.operators.track.ByteTrackerTest.det;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The association steps beside IoU: OC-SORT's re-update and direction term, buffered IoU, durations at the
 * stream's frame rate, the filter's calibrated start, and camera-motion compensation.
 */
class ObservationCentricTrackingTest {

    private static TrackedObject only(List<TrackedObject> objects) {
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    /** A wide object walks right at 10 px/frame, is unseen for frames 5-9 while it speeds up to 20, and is found at frame 10. */
    private static TrackedObject foundAfterSpeedingUp(boolean observationCentric) {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().observationCentric(observationCentric)
                .bufferScale(0).build());
        for (int f = 0; f <= 4; f++) {
            tracker.update(f, List.of(det(0.9f, 100 + 10 * f, 300, 300, 200)));
        }
        for (int f = 5; f <= 9; f++) {
            tracker.update(f, List.of());
        }
        return only(tracker.update(10, List.of(det(0.9f, 140 + 20 * 6, 300, 300, 200))));
    }

    @Test
    void theReUpdateTakesTheVelocityFromTheObservationsAcrossTheGap() {
        TrackedObject withOru = foundAfterSpeedingUp(true);
        TrackedObject without = foundAfterSpeedingUp(false);

        assertThat(withOru.trackId()).isEqualTo(1);
        assertThat(without.trackId()).isEqualTo(1);
        // The virtual path from x = 140 (frame 4) to 260 (frame 10) is 20 px/frame.
        // The virtual path from x = 140 (frame 4) to 260 (frame 10) is 20 px/frame: the velocity moves well up from
        // the 10 px/frame seen before the gap. (With ByteTrack's filter, one update with the covariance grown over
        // the gap lands close by, within 1 px/frame.)
        assertThat(withOru.vx()).isGreaterThan(15);
        assertThat((withOru.x1() + withOru.x2()) / 2).isCloseTo(260f, within(5f));
        assertThat(withOru.vx()).isCloseTo(without.vx(), within(1f));
    }

    @Test
    void theReUpdateEndsOnTheObservation() {
        Track t = new Track();
        double[] first = KalmanBoxFilter.toMeasurement(0, 0, 40, 100);
        KalmanBoxFilter.initiate(first, t.mean, t.cov);
        System.arraycopy(t.mean, 0, t.observedMean, 0, 8);
        System.arraycopy(t.cov, 0, t.observedCov, 0, 64);
        System.arraycopy(first, 0, t.lastObservation, 0, 4);
        double[] z = KalmanBoxFilter.toMeasurement(50, 0, 90, 100);

        new ByteTracker(TrackerSettings.DEFAULTS).reUpdate(t, z, 5);

        assertThat(t.mean[0]).isCloseTo(z[0], within(3.0));
        assertThat(t.mean[4]).as("10 px per frame").isCloseTo(10, within(2.5));
    }

    @Test
    void theDirectionTermRewardsDetectionsAlongTheTracksDirection() {
        Track t = new Track();
        t.observe(0, 100, 100, 3);
        t.directionX = 1;
        t.directionY = 0;

        assertThat(ByteTracker.directionAgreement(t, 0, new double[] {190, 90, 210, 110})).isCloseTo(0.5, within(1e-3));
        assertThat(ByteTracker.directionAgreement(t, 0, new double[] {-10, 90, 10, 110})).isCloseTo(-0.5, within(1e-3));
        assertThat(ByteTracker.directionAgreement(t, 0, new double[] {90, 190, 110, 210})).isCloseTo(0, within(1e-3));
        t.directionX = 0;
        assertThat(ByteTracker.directionAgreement(t, 0, new double[] {190, 90, 210, 110}))
                .as("no direction yet").isZero();
    }

    @Test
    void theDirectionComesFromObservationsTheWindowApart() {
        Track t = new Track();
        for (int f = 0; f < 10; f++) {
            t.observe(f, 10 * f, 0, 3);
        }
        // At frame 10, the oldest observation at most 3 frames back is frame 7's.
        int previous = t.previousObservation(10, 3);
        assertThat(t.historyFrame[previous]).isEqualTo(7);
        assertThat(t.historySize).isLessThanOrEqualTo(4);
        // After a gap the newest observation is taken.
        assertThat(t.historyFrame[t.previousObservation(30, 3)]).isEqualTo(9);
    }

    @Test
    void aDetectionAgainstTheTracksDirectionLosesToOneAlongIt() {
        // A track walks right at 8 px/frame; at frame 6 two equally overlapping detections lie either side of the
        // prediction. The one ahead continues the track.
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().momentumWeight(1).build());
        for (int f = 0; f <= 5; f++) {
            tracker.update(f, List.of(det(0.9f, 100 + 8 * f, 200, 100, 100)));
        }
        double predicted = 100 + 8 * 6;
        // The one behind also lies behind the observation the direction is measured from (frame 3, x = 124).
        List<TrackedObject> out = tracker.update(6, List.of(det(0.9f, predicted - 30, 200, 100, 100),
                det(0.9f, predicted + 30, 200, 100, 100)));

        TrackedObject continued = out.stream().filter(o -> o.trackId() == 1).findFirst().orElseThrow();
        assertThat((continued.x1() + continued.x2()) / 2).isGreaterThan((float) predicted);
    }

    @Test
    void bufferedIouLetsNearbyBoxesOverlap() {
        double[] a = {100, 100, 120, 120};
        double[] b = {125, 100, 145, 120};
        assertThat(ByteTracker.iou(a, b)).isZero();
        assertThat(ByteTracker.bufferedIou(a, b, 0.3)).isGreaterThan(0.1);
        assertThat(ByteTracker.bufferedIou(a, a, 0.3)).isCloseTo(1, within(1e-9));
    }

    /** Track ids handed out (tentative ones included) while a small object jumps. */
    private static long idsOfAJumpingSmallObject(float bufferScale) {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().bufferScale(bufferScale)
                .observationCentric(false).build());
        // 20x20, still for two frames, then 18 px to the right: no overlap left with its prediction.
        double[] x = {110, 110, 128, 146, 164};
        for (int f = 0; f < x.length; f++) {
            tracker.update(f, List.of(det(0.9f, x[f], 110, 20, 20)));
        }
        return tracker.state().nextId() - 1;
    }

    @Test
    void aSmallFastObjectKeepsItsIdOnBufferedIou() {
        assertThat(idsOfAJumpingSmallObject(0.3f)).isEqualTo(1);
        assertThat(idsOfAJumpingSmallObject(0)).isGreaterThan(1);
    }

    /**
     * Track ids {@code tracker} hands out while a 40x100 person walks through frames 1, 2, ... {@code frameMillis}
     * apart, at the centre x of {@code x} in each frame, or hidden where it is -1.
     */
    private static long idsHandedOut(ByteTracker tracker, long frameMillis, double... x) {
        tracker.update(0, 0, List.of(), 0, 0);
        for (int f = 1; f <= x.length; f++) {
            List<Detection> dets = x[f - 1] < 0 ? List.of() : List.of(det(0.9f, x[f - 1], 200, 40, 100));
            tracker.update(f, frameMillis * f, dets, 0, 0);
        }
        return tracker.state().nextId() - 1;
    }

    /**
     * Track ids handed out while a person, seen in two consecutive frames walking right, is hidden for two frames and
     * found again where its prediction no longer overlaps enough but the widened one does; the frames are
     * {@code frameMillis} apart.
     */
    private static long idsOfAPersonHiddenAfterTwoFrames(long frameMillis) {
        return idsHandedOut(new ByteTracker(TrackerSettings.DEFAULTS), frameMillis, 100, 120, -1, -1, 165);
    }

    @Test
    void aLostTrackIsWidenedOnceItsBoxesSpanTheMomentumWindow() {
        // At 10 fps two boxes are 0.1 s apart, the momentum window: the track's motion is known, the widened gate
        // finds the person again.
        assertThat(idsOfAPersonHiddenAfterTwoFrames(100)).isEqualTo(1);
        // At 30 fps the same two boxes span a third of it: the track is not widened and the person gets a new id.
        assertThat(idsOfAPersonHiddenAfterTwoFrames(33)).isEqualTo(2);
    }

    /**
     * Track ids handed out at 10 fps while a person walking right 15 px per frame is seen in two frames, hidden for
     * three and found where the walk took them.
     */
    private static long idsOfAPersonHiddenForThreeFramesAt10Fps(boolean calibratedStart) {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().frameRate(10).calibratedStart(calibratedStart)
                .build());
        return idsHandedOut(tracker, 100, 100, 115, -1, -1, -1, 175);
    }

    @Test
    void atALowFrameRateTwoBoxesTeachTheFilterTheWalk() {
        // Started with the velocity uncertainty of a 10 fps step, the filter takes most of the 15 px between the first
        // two boxes as the walk and predicts the person where they come out.
        assertThat(idsOfAPersonHiddenForThreeFramesAt10Fps(true)).isEqualTo(1);
        // ByteTrack's start, sized for 1/30 s, learns a quarter of it: the prediction lags 45 px behind and the person
        // gets a new id.
        assertThat(idsOfAPersonHiddenForThreeFramesAt10Fps(false)).isEqualTo(2);
    }

    /** The width reported in the fourth frame of a track started on a box too wide for the person it follows. */
    private static double widthAfterAWideFirstBox(boolean calibratedStart) {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().calibratedStart(calibratedStart).build());
        tracker.update(1, List.of(det(0.9f, 460, 300, 166, 234)));
        List<TrackedObject> objects = List.of();
        for (int f = 2; f <= 4; f++) {
            objects = tracker.update(f, List.of(det(0.9f, 460, 300, 110, 260)));
        }
        TrackedObject o = only(objects);
        return o.x2() - o.x1();
    }

    @Test
    void aTrackStartedOnATooWideBoxTakesThePersonsWidth() {
        // The person's boxes are 110 px wide. Started as uncertain of its shape as the first box is, the track fits
        // them by the fourth frame.
        assertThat(widthAfterAWideFirstBox(true)).isCloseTo(110, within(11.0));
        // ByteTrack's start holds on to the first box's aspect ratio: still about 1.6 times too wide, less than half
        // a box's IoU with the person.
        assertThat(widthAfterAWideFirstBox(false)).isGreaterThan(170);
    }

    @Test
    void theLostTrackBufferIsInSecondsAtTheMeasuredFrameRate() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.builder().trackBufferSeconds(1).build());
        for (int f = 0; f < 5; f++) {
            tracker.update(f, 100L * f, List.of(det(0.9f, 100, 200, 40, 100)), 0, 0); // 10 fps
        }
        assertThat(tracker.frameRate()).isCloseTo(10, within(1e-9));
        for (int f = 5; f <= 14; f++) {
            tracker.update(f, 100L * f, List.of(), 0, 0);
        }
        assertThat(tracker.state().trackCount()).as("10 frames unmatched: within 1 s").isEqualTo(1);
        tracker.update(15, 1500, List.of(), 0, 0);
        assertThat(tracker.state().trackCount()).as("11 frames: past 1 s at 10 fps").isZero();
    }

    @Test
    void beforeTheRateIsKnownTheDefaultAppliesAndAConfiguredRateWins() {
        ByteTracker unknown = new ByteTracker(TrackerSettings.DEFAULTS);
        unknown.update(0, List.of());
        assertThat(unknown.frameRate()).isEqualTo(TrackerSettings.DEFAULT_FRAME_RATE);

        ByteTracker fixed = new ByteTracker(TrackerSettings.builder().frameRate(12.5).build());
        fixed.update(0, 0, List.of(), 0, 0);
        fixed.update(1, 40, List.of(), 0, 0);
        assertThat(fixed.frameRate()).isEqualTo(12.5);
        assertThat(fixed.state().frameMillis()).as("still measured").isEqualTo(40);
    }

    @Test
    void aSkippedFrameCountsOnceInTheMeasuredInterval() {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        tracker.update(0, 0, List.of(), 0, 0);
        tracker.update(3, 120, List.of(), 0, 0);
        assertThat(tracker.frameRate()).isCloseTo(25, within(1e-9));
    }

    /** Three objects fixed in the world, seen by a camera that jerks left and right by up to 70 px per frame. */
    private static Set<Long> idsUnderAPanningCamera(boolean compensate) {
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS);
        double[] pan = {0, 60, -70, 50, 65, -60, -55, 70, 0, -65};
        double offset = 0;
        Set<Long> ids = new HashSet<>();
        for (int f = 0; f < pan.length; f++) {
            offset += pan[f];
            List<Detection> dets = List.of(det(0.9f, 300 + offset, 200, 40, 100), det(0.9f, 500 + offset, 220, 40, 100),
                    det(0.9f, 700 + offset, 180, 40, 100));
            List<TrackedObject> out = compensate ? tracker.update(f, 40L * f, dets, pan[f], 0)
                    : tracker.update(f, 40L * f, dets, 0, 0);
            out.forEach(o -> ids.add(o.trackId()));
        }
        return ids;
    }

    @Test
    void cameraMotionMovesTheTracksBeforeMatching() {
        assertThat(idsUnderAPanningCamera(true)).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(idsUnderAPanningCamera(false)).hasSizeGreaterThan(3);
    }

    @Test
    void aShiftMovesEverythingATrackHoldsInImageCoordinates() {
        Track t = new Track();
        t.observe(0, 10, 20, 3);
        t.shift(5, -2);
        assertThat(t.mean[0]).isEqualTo(5);
        assertThat(t.observedMean[1]).isEqualTo(-2);
        assertThat(t.lastObservation[0]).isEqualTo(5);
        assertThat(t.historyX[0]).isEqualTo(15);
        assertThat(t.historyY[0]).isEqualTo(18);
    }
}
