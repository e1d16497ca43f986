package dev.vigil.operators.analytics;

import dev.vigil.operators.track.TrackedFrame;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vigil.operators.analytics.Scenes.frame;
import static dev.vigil.operators.analytics.Scenes.person;
import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsFunctionTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    private final List<KeyedBroadcastOperatorTestHarness<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent>>
            harnesses = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var h : harnesses) {
            h.close();
        }
    }

    private KeyedBroadcastOperatorTestHarness<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent> harness(
            AnalyticsSettings settings) throws Exception {
        var h = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new AnalyticsFunction(settings, IDLE),
                TrackedFrame::cameraId, Types.STRING, AnalyticsFunction.SETTINGS);
        harnesses.add(h);
        return h;
    }

    private static AnalyticsSettings gateOn(String... cameras) {
        Map<String, CameraSettings> m = new java.util.HashMap<>();
        for (String c : cameras) {
            m.put(c, new CameraSettings(List.of(Scenes.gateLine()), List.of(Scenes.lobby())));
        }
        return new AnalyticsSettings(m, 5);
    }

    private static void walk(KeyedBroadcastOperatorTestHarness<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent> h,
            String camera, long firstSeq, double... ys) throws Exception {
        long seq = firstSeq;
        for (double y : ys) {
            TrackedFrame f = Double.isNaN(y) ? frame(camera, seq) : frame(camera, seq, person(1, 300, y));
            h.processElement(f, f.timestampMillis());
            seq++;
        }
    }

    private static CameraAnalyticsState stateOf(
            KeyedBroadcastOperatorTestHarness<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent> h,
            String camera) throws Exception {
        KeyedStateBackend<Object> backend = ((AbstractStreamOperator<?>) h.getOperator()).getKeyedStateBackend();
        backend.setCurrentKey(camera);
        ValueState<CameraAnalyticsState> state = backend.getPartitionedState(VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("camera-analytics", new CameraAnalyticsStateSerializer()));
        return state.value();
    }

    @Test
    void aLineOrZoneOutsideTheFrameIsAWarningEventOnceForEachFrameSize() throws Exception {
        // The gate line and the lobby zone lie within y 100-300: outside a frame 80 pixels high.
        var h = harness(gateOn("small"));
        TrackedFrame first = frameOfSize("small", 0, 160, 80);
        h.processElement(first, 0);
        h.processElement(frameOfSize("small", 1, 160, 80), 100);

        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::type)
                .containsOnly(AnalyticsEvent.Type.GEOMETRY_OUTSIDE_FRAME);
        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::message).containsExactly(
                "line 'gate' lies entirely outside the 160x80 frame, so it can never fire",
                "zone 'lobby' lies entirely outside the 160x80 frame, so it can never fire");
        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::sequence).containsOnly(0L);

        h.processElement(frameOfSize("small", 2, 640, 480), 200);
        assertThat(h.extractOutputValues()).as("the frame grew: everything fits now").hasSize(2);
    }

    private static TrackedFrame frameOfSize(String camera, long seq, int width, int height) {
        TrackedFrame f = frame(camera, seq);
        return new TrackedFrame(f.cameraId(), f.sequence(), f.timestampMillis(), width, height, f.objects());
    }

    @Test
    void twoCamerasWithTheSameTrackIdsAreCountedSeparately() throws Exception {
        var h = harness(gateOn("a", "b"));
        for (long seq = 0; seq < 9; seq++) {
            // x 400: beside the lobby zone
            h.processElement(frame("a", seq, person(1, 400, 260 + 20 * seq)), seq * 100);
            // on b, track 1 walks the other way
            h.processElement(frame("b", seq, person(1, 400, 400 - 20 * seq)), seq * 100);
        }
        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::eventId)
                .containsExactly("a:line_crossed:gate:1:5", "b:line_crossed:gate:1:8");
        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::direction).containsExactly("in", "out");
        assertThat(h.getSideOutput(AnalyticsFunction.FRAME_SUMMARY)).hasSize(18);
        assertThat(h.getSideOutput(AnalyticsFunction.OCCUPANCY)).hasSize(18)
                .extracting(r -> r.getValue().zone()).containsOnly("lobby");
    }

    @Test
    void anAcceptedUpdateAppliesFromTheNextFrameAndSurvivesARestore() throws Exception {
        var h = harness(AnalyticsSettings.EMPTY);
        walk(h, "gate", 0, 260, 280, 310, 320, 330);
        assertThat(h.extractOutputValues()).isEmpty();

        h.processBroadcastElement(new AnalyticsConfigUpdate("control.yaml", """
                cameras:
                  gate:
                    lines: [{name: gate, points: [[100, 300], [500, 300]], in-side: right, min-frames-on-side: 2}]
                """), 500);
        List<AnalyticsEvent> out = h.extractOutputValues();
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AnalyticsEvent.Type.CONFIG_ACCEPTED);
            assertThat(e.message()).isEqualTo("1 cameras, 1 lines, 0 zones");
            assertThat(e.eventId()).startsWith("config:config_accepted:control.yaml:");
        });
        walk(h, "gate", 5, 280, 270, 310, 320);
        assertThat(h.extractOutputValues()).extracting(e -> e.type().wireName() + "@" + e.sequence())
                .containsExactly("config_accepted@-1", "line_crossed@8");

        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        var restored = new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(
                new AnalyticsFunction(AnalyticsSettings.EMPTY, IDLE), List.of(AnalyticsFunction.SETTINGS)),
                TrackedFrame::cameraId, Types.STRING, 1, 1, 0);
        harnesses.add(restored);
        restored.setup();
        restored.initializeState(snapshot);
        restored.open();
        walk(restored, "gate", 9, 290, 280, 270);
        assertThat(restored.extractOutputValues()).extracting(e -> e.type().wireName() + "@" + e.sequence())
                .as("restored settings and track memory: crossing back counts out")
                .containsExactly("line_crossed@10");
    }

    /** Entries in every keyed state of the operator, over all cameras. */
    private static int keyedStateEntries(
            KeyedBroadcastOperatorTestHarness<String, TrackedFrame, AnalyticsConfigUpdate, AnalyticsEvent> h) {
        return ((HeapKeyedStateBackend<?>) ((AbstractStreamOperator<?>) h.getOperator()).getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    @Test
    void aSilentCameraLeavesNoStateOrTimerBehind() throws Exception {
        var h = harness(gateOn("gate", "yard"));
        h.setProcessingTime(0);
        walk(h, "gate", 0, 280, 270);
        walk(h, "yard", 0, 280);
        assertThat(keyedStateEntries(h)).as("per camera: its analytics and its idle timer").isEqualTo(4);
        assertThat(h.numProcessingTimeTimers()).isEqualTo(2);

        h.setProcessingTime(IDLE.toMillis() - 1);
        walk(h, "gate", 2, 310);
        h.setProcessingTime(IDLE.toMillis());
        assertThat(keyedStateEntries(h)).as("the yard camera went silent").isEqualTo(2);
        assertThat(h.numProcessingTimeTimers()).isEqualTo(1);

        h.setProcessingTime(2 * IDLE.toMillis());
        assertThat(keyedStateEntries(h)).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
    }

    @Test
    void aCameraThatComesBackAfterItsStateExpiredStartsAfresh() throws Exception {
        var h = harness(gateOn("gate"));
        h.setProcessingTime(0);
        walk(h, "gate", 0, 280, 270);
        h.setProcessingTime(IDLE.toMillis());
        assertThat(keyedStateEntries(h)).isZero();

        walk(h, "gate", 100, 260, 280, 310, 320, 330);

        assertThat(h.extractOutputValues()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AnalyticsEvent.Type.LINE_CROSSED);
            assertThat(e.sequence()).isGreaterThan(100);
        });
        assertThat(keyedStateEntries(h)).isEqualTo(2);
    }

    @Test
    void anInvalidUpdateIsRejectedWithItsProblemsAndTheOldSettingsStay() throws Exception {
        var h = harness(gateOn("gate"));
        h.processBroadcastElement(new AnalyticsConfigUpdate("control.yaml",
                "cameras: {gate: {lines: [{name: x, points: [[1, 1], [1, 1]], in-side: left, classes: [cra]}]}}"), 0);
        AnalyticsEvent rejected = h.extractOutputValues().get(0);
        assertThat(rejected.type()).isEqualTo(AnalyticsEvent.Type.CONFIG_REJECTED);
        assertThat(rejected.message().split("\n")).containsExactly(
                "analytics.cameras.gate.lines[0].points: zero-length line",
                "analytics.cameras.gate.lines[0].classes: unknown class 'cra' (known: person, bicycle, car, …; did you "
                        + "mean 'car'?)");
        walk(h, "gate", 0, 260, 280, 310, 320, 330);
        assertThat(h.extractOutputValues()).extracting(AnalyticsEvent::type)
                .containsExactly(AnalyticsEvent.Type.CONFIG_REJECTED, AnalyticsEvent.Type.LINE_CROSSED);
    }

    @Test
    void stateOfEndedTracksIsCleared() throws Exception {
        var h = harness(gateOn("gate")); // track timeout 5 frames
        h.processElement(frame("gate", 0, person(1, 200, 200), person(2, 300, 250)), 0);
        h.processElement(frame("gate", 1, person(2, 300, 250)), 100);
        assertThat(stateOf(h, "gate").tracks).containsOnlyKeys(1L, 2L);
        for (long seq = 2; seq <= 6; seq++) {
            h.processElement(frame("gate", seq, person(2, 300, 250)), seq * 100);
        }
        assertThat(stateOf(h, "gate").tracks).containsOnlyKeys(2L);
        for (long seq = 7; seq <= 12; seq++) {
            h.processElement(frame("gate", seq), seq * 100);
        }
        assertThat(stateOf(h, "gate").tracks).isEmpty();
        assertThat(stateOf(h, "gate").lastSequence).isEqualTo(12);
    }

    @Test
    void aReplayedFrameChangesNothing() throws Exception {
        var h = harness(gateOn("gate"));
        walk(h, "gate", 0, 260, 280, 310, 320, 330);
        walk(h, "gate", 3, 320, 330);
        assertThat(h.extractOutputValues()).hasSize(1);
        assertThat(h.getSideOutput(AnalyticsFunction.FRAME_SUMMARY)).extracting(StreamRecord::getValue)
                .extracting(FrameSummary::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
    }
}
