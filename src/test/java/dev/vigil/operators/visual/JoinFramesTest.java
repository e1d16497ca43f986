package dev.vigil.operators.visual;

import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link JoinFrames}: pixels meet their overlays whichever comes first, and survive a restore. */
class JoinFramesTest {

    static final VisualSettings EVERY_OTHER = new VisualSettings(Set.of(), true, 2, 1.0, false);

    static Frame frame(long sequence) {
        return Frame.bgr("cam", sequence, sequence * 40, 2, 2, new byte[12]);
    }

    static FrameOverlay overlay(long sequence, boolean crossing) {
        return new FrameOverlay("cam", sequence, sequence * 40, 2, 2, List.of(), List.of(), List.of(),
                crossing ? List.of(new FrameSummary.Crossing("door", "car", true)) : List.of());
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, Frame, FrameOverlay, VisualFrame> harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new JoinFrames(EVERY_OTHER, 85)),
                Frame::cameraId, FrameOverlay::cameraId, Types.STRING);
    }

    @Test
    void matchesEitherWayRoundDropsFramesThatNeverGetAnOverlayAndCountsCrossings() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement1(new StreamRecord<>(frame(0)));
            h.processElement2(new StreamRecord<>(overlay(0, false)));
            // The overlay before its frame.
            h.processElement2(new StreamRecord<>(overlay(2, true)));
            h.processElement1(new StreamRecord<>(frame(2)));
            // Frame 4 was skipped by the detector: overlay 6 comes next and 4 is dropped.
            h.processElement1(new StreamRecord<>(frame(4)));
            h.processElement1(new StreamRecord<>(frame(6)));
            h.processElement2(new StreamRecord<>(overlay(5, true)));
            h.processElement2(new StreamRecord<>(overlay(6, false)));

            List<VisualFrame> out = values(h);
            assertThat(out).extracting(v -> v.overlay().sequence()).containsExactly(0L, 2L, 6L);
            assertThat(out.get(1).lines()).containsExactly(new VisualFrame.LineTotal("door", 1, 0));
            // Overlay 5 is not in the video (stride 2), but its crossing counts.
            assertThat(out.get(2).lines()).containsExactly(new VisualFrame.LineTotal("door", 2, 0));
        }
    }

    @Test
    void waitingFramesAndCountsSurviveARestore() throws Exception {
        var snapshot = (org.apache.flink.runtime.checkpoint.OperatorSubtaskState) null;
        try (var h = harness()) {
            h.open();
            h.processElement2(new StreamRecord<>(overlay(1, true)));
            h.processElement1(new StreamRecord<>(frame(2)));
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness()) {
            h.initializeState(snapshot);
            h.open();
            h.processElement2(new StreamRecord<>(overlay(2, false)));
            List<VisualFrame> out = values(h);
            assertThat(out).hasSize(1);
            assertThat(out.get(0).frame().pixels()).hasSize(12);
            assertThat(out.get(0).lines()).containsExactly(new VisualFrame.LineTotal("door", 1, 0));
        }
    }

    private static List<VisualFrame> values(TwoInputStreamOperatorTestHarness<Frame, FrameOverlay, VisualFrame> h) {
        return h.extractOutputValues();
    }
}
