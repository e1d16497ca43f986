package dev.vigil.operators.visual;

import dev.vigil.operators.analytics.AnalysedFrame;
import dev.vigil.operators.analytics.AnalysedFrameSerializer;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.operators.analytics.ZoneOccupancy;
import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of the drawing stage's records' serializers, and their type information (no Kryo). */
class VisualSerializersTest {

    static final TrackedFrame TRACKED = new TrackedFrame("gate", 7, 700, 640, 352, List.of(
            new TrackedObject(3, 2, "car", 0.8f, 10, 20, 110, 90, 1.5f, -0.5f, 12, TrackState.CONFIRMED),
            new TrackedObject(4, 0, "person", 0.5f, 200, 20, 230, 90, 0, 0, 3, TrackState.LOST)));
    static final AnalyticsEvent CROSSED = AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED, "gate", 3, "car",
            "door", "in", 7, 700, -1, null).withSnapshot("gate/gate_line_crossed_door_3_7.jpg");
    static final AnalysedFrame ANALYSED = new AnalysedFrame(TRACKED, List.of(CROSSED), new FrameSummary("gate", 7, 700,
            Map.of(3L, "car"), List.of(new FrameSummary.Crossing("door", "car", true)),
            List.of(new ZoneOccupancy("gate", 7, 700, "lot", Map.of("car", 1)))));

    @Test
    void recordsUseTheirHandWrittenSerializers() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        assertThat(TypeInformation.of(FrameOverlay.class).createSerializer(config)).isSameAs(FrameOverlaySerializer.INSTANCE);
        assertThat(TypeInformation.of(VisualFrame.class).createSerializer(config)).isSameAs(VisualFrameSerializer.INSTANCE);
        assertThat(TypeInformation.of(AnalysedFrame.class).createSerializer(config))
                .isSameAs(AnalysedFrameSerializer.INSTANCE);
    }

    @Test
    void anOverlayOfAnAnalysedFrameHasItsTracksEventsAndCounts() {
        FrameOverlay o = FrameOverlay.of(ANALYSED);
        assertThat(o.marks()).extracting(FrameOverlay.Mark::trackId).containsExactly(3L, 4L);
        assertThat(o.marks()).extracting(FrameOverlay.Mark::predicted).containsExactly(false, true);
        assertThat(o.zones()).containsExactly(new FrameOverlay.ZoneCount("lot", 1));
        assertThat(o.hasSnapshots()).isTrue();
        assertThat(FrameOverlay.of(TRACKED).hasSnapshots()).isFalse();
    }

    @Nested
    class Analysed extends SerializerTestBase<AnalysedFrame> {
        @Override
        protected TypeSerializer<AnalysedFrame> createSerializer() {
            return AnalysedFrameSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<AnalysedFrame> getTypeClass() {
            return AnalysedFrame.class;
        }

        @Override
        protected AnalysedFrame[] getTestData() {
            return new AnalysedFrame[] {ANALYSED, new AnalysedFrame(TRACKED, List.of(),
                    new FrameSummary("gate", 7, 700, Map.of(), List.of(), List.of()))};
        }
    }

    @Nested
    class Overlays extends SerializerTestBase<FrameOverlay> {
        @Override
        protected TypeSerializer<FrameOverlay> createSerializer() {
            return FrameOverlaySerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<FrameOverlay> getTypeClass() {
            return FrameOverlay.class;
        }

        @Override
        protected FrameOverlay[] getTestData() {
            return new FrameOverlay[] {FrameOverlay.of(ANALYSED), FrameOverlay.of(TRACKED),
                    new FrameOverlay("x", 0, 0, 2, 2, List.of(), List.of(), List.of(), List.of())};
        }
    }

    @Nested
    class Visuals extends SerializerTestBase<VisualFrame> {
        @Override
        protected TypeSerializer<VisualFrame> createSerializer() {
            return VisualFrameSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<VisualFrame> getTypeClass() {
            return VisualFrame.class;
        }

        @Override
        protected VisualFrame[] getTestData() {
            Frame frame = Frame.bgr("gate", 7, 700, 4, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24});
            return new VisualFrame[] {
                new VisualFrame(frame, FrameOverlay.of(ANALYSED), List.of(new VisualFrame.LineTotal("door", 5, 1)), true),
                new VisualFrame(frame, FrameOverlay.of(TRACKED), List.of(), false),
            };
        }
    }
}
