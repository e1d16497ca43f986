package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedCountsTest {

    private final List<KeyedOneInputStreamOperatorTestHarness<String, FrameSummary, CountsRecord>> harnesses =
            new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var h : harnesses) {
            h.close();
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, FrameSummary, CountsRecord> harness(OperatorSubtaskState restore)
            throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new WindowedCounts(Duration.ofSeconds(1))), FrameSummary::cameraId, Types.STRING);
        harnesses.add(h);
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static FrameSummary summary(String camera, long ts, Map<Long, String> tracks,
            List<FrameSummary.Crossing> crossings, int peopleInLobby) {
        ZoneOccupancy lobby = new ZoneOccupancy(camera, ts / 100, ts, "lobby",
                peopleInLobby == 0 ? Map.of() : Map.of("person", peopleInLobby));
        return new FrameSummary(camera, ts / 100, ts, tracks, crossings, List.of(lobby));
    }

    private static void add(KeyedOneInputStreamOperatorTestHarness<String, FrameSummary, CountsRecord> h,
            FrameSummary s) throws Exception {
        h.processElement(s, s.timestampMillis());
    }

    @Test
    void aSilentCameraLeavesNoStateOrTimerOnceTheWatermarkPassesItsLastWindow() throws Exception {
        var h = harness(null);
        add(h, summary("a", 100, Map.of(1L, "person"), List.of(), 1));
        add(h, summary("b", 300, Map.of(1L, "car"), List.of(), 0));
        add(h, summary("b", 1_300, Map.of(1L, "car"), List.of(), 0));
        assertThat(h.numKeyedStateEntries()).as("each camera's open windows: a [0, 1000), b [0, 2000)").isEqualTo(2);
        assertThat(h.numEventTimeTimers()).isEqualTo(3);

        // Camera a says nothing more; the other camera keeps event time moving.
        add(h, summary("b", 2_500, Map.of(1L, "car"), List.of(), 0));
        h.processWatermark(1_999);

        assertThat(h.numKeyedStateEntries()).as("only b, with its open window [2000, 3000)").isEqualTo(1);
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processWatermark(2_999);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
    }

    @Test
    void countsPerCameraAndClassPerTumblingWindowWhenTheWatermarkPasses() throws Exception {
        var h = harness(null);
        var in = new FrameSummary.Crossing("door", "person", true);
        var out = new FrameSummary.Crossing("door", "person", false);
        add(h, summary("a", 0, Map.of(1L, "person", 2L, "car"), List.of(), 1));
        add(h, summary("a", 100, Map.of(1L, "person", 3L, "person"), List.of(in), 2));
        add(h, summary("a", 200, Map.of(3L, "person"), List.of(in, out), 1));
        add(h, summary("a", 300, Map.of(), List.of(), 0));
        add(h, summary("b", 500, Map.of(1L, "person"), List.of(), 0));
        add(h, summary("a", 1000, Map.of(4L, "person"), List.of(), 0)); // next window
        h.processWatermark(998);
        assertThat(h.extractOutputValues()).isEmpty();
        h.processWatermark(999);

        List<CountsRecord> records = h.extractOutputValues();
        assertThat(records).extracting(r -> r.cameraId() + "/" + r.label())
                .containsExactlyInAnyOrder("a/car", "a/person", "b/person");
        CountsRecord person = records.stream().filter(r -> r.cameraId().equals("a") && r.label().equals("person"))
                .findFirst().orElseThrow();
        assertThat(person.windowStart()).isZero();
        assertThat(person.windowEnd()).isEqualTo(1000);
        assertThat(person.distinctTracks()).isEqualTo(2);
        assertThat(person.frames()).isEqualTo(4);
        assertThat(person.lines()).containsExactly(new CountsRecord.LineCount("door", 2, 1));
        assertThat(person.zones()).containsExactly(new CountsRecord.ZoneStat("lobby", 2, 1.0));
        CountsRecord car = records.stream().filter(r -> r.label().equals("car")).findFirst().orElseThrow();
        assertThat(car.distinctTracks()).isEqualTo(1);
        assertThat(car.lines()).isEmpty();
        assertThat(car.zones()).containsExactly(new CountsRecord.ZoneStat("lobby", 0, 0));
        assertThat(h.getOutput()).filteredOn(o -> o instanceof StreamRecord<?>)
                .extracting(o -> ((StreamRecord<?>) o).getTimestamp()).containsOnly(999L);
    }

    @Test
    void lateSummariesGoToTheSideOutputAndOpenWindowsSurviveARestore() throws Exception {
        var h = harness(null);
        add(h, summary("a", 1500, Map.of(1L, "person"), List.of(), 0));
        h.processWatermark(2500);
        assertThat(h.extractOutputValues()).hasSize(1);
        add(h, summary("a", 1900, Map.of(2L, "person"), List.of(), 0));
        assertThat(h.getSideOutput(WindowedCounts.LATE)).extracting(StreamRecord::getValue)
                .extracting(FrameSummary::timestampMillis).containsExactly(1900L);

        add(h, summary("a", 2600, Map.of(5L, "person"), List.of(), 0));
        OperatorSubtaskState snapshot = h.snapshot(1, 1);
        var restored = harness(snapshot);
        add(restored, summary("a", 2700, Map.of(6L, "person"), List.of(), 0));
        restored.processWatermark(Long.MAX_VALUE);
        assertThat(restored.extractOutputValues()).singleElement()
                .satisfies(r -> {
                    assertThat(r.windowStart()).isEqualTo(2000);
                    assertThat(r.distinctTracks()).isEqualTo(2);
                });
    }

    @Nested
    class AccumulatorSerializer extends SerializerTestBase<WindowAccumulator> {
        @Override
        protected TypeSerializer<WindowAccumulator> createSerializer() {
            return WindowAccumulatorSerializer.INSTANCE;
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<WindowAccumulator> getTypeClass() {
            return WindowAccumulator.class;
        }

        @Override
        protected WindowAccumulator[] getTestData() {
            WindowAccumulator busy = new WindowAccumulator();
            busy.add(summary("a", 0, Map.of(1L, "person", 2L, "car"),
                    List.of(new FrameSummary.Crossing("door", "person", true)), 2));
            busy.add(summary("a", 100, Map.of(1L, "person"), List.of(), 1));
            return new WindowAccumulator[] {new WindowAccumulator(), busy};
        }
    }
}
