package dev.vigil.operators.track;

import dev.vigil.models.Detection;
import dev.vigil.operators.detect.FrameDetections;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackObjectsTest {

    private static final FrameDetections.Timing TIMING = new FrameDetections.Timing(0, 0, 1, 0, 0, 0);

    private final List<KeyedOneInputStreamOperatorTestHarness<String, FrameDetections, TrackedFrame>> harnesses =
            new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var h : harnesses) {
            h.close();
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, FrameDetections, TrackedFrame> harness(TrackerSettings s)
            throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TrackObjects(s), FrameDetections::cameraId, Types.STRING);
        harnesses.add(h);
        return h;
    }

    /** Camera frame with one person walking right at 5 px/frame, plus any extra detections. */
    private static FrameDetections frame(String camera, long seq, Detection... extra) {
        List<Detection> dets = new ArrayList<>();
        dets.add(ByteTrackerTest.det(0.9f, 100 + 5 * seq, 200, 40, 100));
        dets.addAll(List.of(extra));
        return new FrameDetections(camera, seq, seq * 40, 640, 480, "m", dets, TIMING);
    }

    private static List<Long> sequences(List<TrackedFrame> out) {
        return out.stream().map(TrackedFrame::sequence).toList();
    }

    @Test
    void tracksEachCameraSeparatelyWithItsOwnIds() throws Exception {
        var h = harness(TrackerSettings.DEFAULTS);
        for (long seq = 0; seq < 5; seq++) {
            h.processElement(frame("a", seq), seq * 40);
            h.processElement(frame("b", seq, ByteTrackerTest.det(0.9f, 500, 300, 50, 50)), seq * 40);
        }
        List<TrackedFrame> out = h.extractOutputValues();
        assertThat(out).hasSize(10);
        TrackedFrame lastA = out.get(8);
        TrackedFrame lastB = out.get(9);
        assertThat(lastA.cameraId()).isEqualTo("a");
        assertThat(lastA.objects()).extracting(TrackedObject::trackId).containsExactly(1L);
        assertThat(lastB.objects()).extracting(TrackedObject::trackId).containsExactly(1L, 2L);
        assertThat(lastA.objects().get(0).ageFrames()).isEqualTo(4);
        assertThat(lastA.timestampMillis()).isEqualTo(160);
        assertThat(lastA.width()).isEqualTo(640);
    }

    @Test
    void restoredFromASnapshotTheTracksAndIdsCarryOn() throws Exception {
        var h = harness(TrackerSettings.DEFAULTS);
        for (long seq = 0; seq < 5; seq++) {
            h.processElement(frame("cam", seq), 0);
        }
        h.processElement(frame("cam", 5, ByteTrackerTest.det(0.9f, 500, 300, 50, 50)), 0); // new, tentative
        OperatorSubtaskState snapshot = h.snapshot(1L, 1L);
        h.processElement(frame("cam", 6, ByteTrackerTest.det(0.9f, 500, 300, 50, 50)), 0);
        List<TrackObject> beforeFailure = objects(h.extractOutputValues().get(6));

        var restored = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TrackObjects(TrackerSettings.DEFAULTS)), FrameDetections::cameraId, Types.STRING);
        harnesses.add(restored);
        restored.setup();
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(frame("cam", 6, ByteTrackerTest.det(0.9f, 500, 300, 50, 50)), 0);
        restored.processElement(frame("cam", 7, ByteTrackerTest.det(0.9f, 500, 300, 50, 50)), 0);

        List<TrackedFrame> after = restored.extractOutputValues();
        assertThat(sequences(after)).containsExactly(6L, 7L);
        assertThat(objects(after.get(0))).isEqualTo(beforeFailure);
        assertThat(after.get(1).objects()).extracting(TrackedObject::trackId).containsExactly(1L, 2L);
        assertThat(after.get(1).objects().get(0).ageFrames()).isEqualTo(7);
    }

    private record TrackObject(long id, long age, TrackState state) {}

    private static List<TrackObject> objects(TrackedFrame f) {
        return f.objects().stream().map(o -> new TrackObject(o.trackId(), o.ageFrames(), o.state())).toList();
    }

    @Test
    void framesArrivingOutOfOrderAreTrackedInSequenceOrder() throws Exception {
        var h = harness(TrackerSettings.builder().reorderFrames(4).build());
        h.processElement(frame("cam", 0), 0);
        h.processElement(frame("cam", 2), 0);
        h.processElement(frame("cam", 3), 0);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L); // 2 and 3 wait for 1
        h.processElement(frame("cam", 1), 0);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(h.extractOutputValues()).allSatisfy(f ->
                assertThat(f.objects()).extracting(TrackedObject::trackId).containsExactly(1L));
    }

    @Test
    void aFullReorderBufferSkipsTheMissingFrameAndALateFrameGoesToTheSideOutput() throws Exception {
        var h = harness(TrackerSettings.builder().reorderFrames(2).reorderWaitMillis(0).build());
        h.processElement(frame("cam", 0), 0);
        h.processElement(frame("cam", 2), 0);
        h.processElement(frame("cam", 3), 0);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L);
        h.processElement(frame("cam", 4), 0); // three waiting > 2: frame 1 is given up
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L, 2L, 3L, 4L);
        TrackedFrame four = h.extractOutputValues().get(3);
        assertThat(four.objects()).extracting(TrackedObject::trackId).containsExactly(1L);
        assertThat(four.objects().get(0).ageFrames()).isEqualTo(4); // the skipped frame counts

        h.processElement(frame("cam", 1), 0);
        assertThat(h.getSideOutput(TrackObjects.LATE_FRAMES)).extracting(r -> r.getValue().sequence()).containsExactly(1L);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L, 2L, 3L, 4L);
    }

    @Test
    void aFrameWaitsNoLongerThanTheReorderWait() throws Exception {
        var h = harness(TrackerSettings.builder().reorderFrames(8).reorderWaitMillis(200).build());
        h.setProcessingTime(1_000);
        h.processElement(frame("cam", 0), 0);
        h.processElement(frame("cam", 3), 0);
        h.setProcessingTime(1_100);
        h.processElement(frame("cam", 4), 0);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L);
        h.setProcessingTime(1_200);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L, 3L, 4L);
        assertThat(h.extractOutputValues().get(2).objects()).extracting(TrackedObject::trackId).containsExactly(1L);
    }

    @Test
    void theEndOfABoundedInputFlushesWaitingFrames() throws Exception {
        var h = harness(TrackerSettings.builder().reorderWaitMillis(0).build());
        h.processElement(frame("cam", 0), 0);
        h.processElement(frame("cam", 2), 0);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(sequences(h.extractOutputValues())).containsExactly(0L, 2L);
    }

    @Test
    void aSilentCameraLeavesNoStateBehind() throws Exception {
        var h = harness(TrackerSettings.builder().idleTimeoutMillis(60_000).reorderWaitMillis(0).build());
        h.setProcessingTime(0);
        h.processElement(frame("quiet", 0), 0);
        h.processElement(frame("quiet", 1), 0);
        h.processElement(frame("quiet", 3), 0); // waiting for 2 when the camera goes silent
        h.setProcessingTime(30_000);
        h.processElement(frame("busy", 0), 0);
        assertThat(h.numKeyedStateEntries()).isEqualTo(2);

        h.setProcessingTime(60_000);
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        assertThat(h.extractOutputValues()).filteredOn(f -> f.cameraId().equals("quiet"))
                .extracting(TrackedFrame::sequence).containsExactly(0L, 1L, 3L);
        h.setProcessingTime(90_000);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();

        // The camera comes back later: a fresh tracker whose ids start again at 1.
        h.processElement(frame("quiet", 500), 0);
        h.processElement(frame("quiet", 501), 0);
        h.processWatermark(Long.MAX_VALUE);
        TrackedFrame back = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
        assertThat(back.sequence()).isEqualTo(501);
        assertThat(back.objects()).extracting(TrackedObject::trackId).containsExactly(1L);
    }

    @Test
    void framesKeepRefreshingTheIdleTimer() throws Exception {
        var h = harness(TrackerSettings.builder().idleTimeoutMillis(10_000).build());
        for (int i = 0; i < 5; i++) {
            h.setProcessingTime(i * 8_000L);
            h.processElement(frame("cam", i), 0);
        }
        h.setProcessingTime(40_000);
        assertThat(h.numKeyedStateEntries()).isEqualTo(1);
        assertThat(h.extractOutputValues()).last().satisfies(f ->
                assertThat(f.objects()).extracting(TrackedObject::ageFrames).containsExactly(4L));
    }

    @Test
    void framesWithCameraMotionMoveTheTracksByTheMotionSinceThePreviousFrame() throws Exception {
        var h = harness(TrackerSettings.DEFAULTS);
        // A person fixed in the world; the camera jerks, so the person jumps 60-70 px per frame in the image.
        double[] offsets = {0, 60, -10, 55, -15};
        for (int seq = 0; seq < offsets.length; seq++) {
            List<Detection> dets = List.of(ByteTrackerTest.det(0.9f, 300 + offsets[seq], 200, 40, 100));
            h.processElement(new FrameDetections("drone", seq, seq * 40L, 640, 480, "m", dets, TIMING,
                    new dev.vigil.sources.CameraMotion(0, offsets[seq], 0)), 0);
        }
        List<TrackedFrame> out = h.extractOutputValues();
        assertThat(out).allSatisfy(f -> assertThat(f.objects()).extracting(TrackedObject::trackId).containsExactly(1L));
    }

    @Test
    void motionOfAnotherOriginIsNoMotion() throws Exception {
        var h = harness(TrackerSettings.DEFAULTS);
        List<Detection> dets = List.of(ByteTrackerTest.det(0.9f, 300, 200, 40, 100));
        h.processElement(new FrameDetections("drone", 0, 0, 640, 480, "m", dets, TIMING,
                new dev.vigil.sources.CameraMotion(0, 0, 0)), 0);
        // A new origin (the estimating task restarted) says nothing about the motion since frame 0.
        h.processElement(new FrameDetections("drone", 1, 40, 640, 480, "m", dets, TIMING,
                new dev.vigil.sources.CameraMotion(1, 500, 0)), 0);
        assertThat(h.extractOutputValues().get(1).objects()).extracting(TrackedObject::trackId).containsExactly(1L);
    }
}
