package dev.vigil.operators.track;

import dev.vigil.models.Detection;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sources.CameraMotion;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraTrackingStateSerializerTest extends SerializerTestBase<CameraTrackingState> {

    @Override
    protected TypeSerializer<CameraTrackingState> createSerializer() {
        return new CameraTrackingStateSerializer();
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CameraTrackingState> getTypeClass() {
        return CameraTrackingState.class;
    }

    @Override
    protected CameraTrackingState[] getTestData() {
        CameraTrackingState empty = new CameraTrackingState();

        CameraTrackingState busy = new CameraTrackingState();
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS, busy.tracker);
        for (int f = 0; f < 6; f++) {
            tracker.update(f, 40L * f, List.of(
                    ByteTrackerTest.det(0.9f, 100 + 3 * f, 200, 40, 100),
                    ByteTrackerTest.det(2, 0.8f, 400 - 5 * f, 220, 80, 60),
                    ByteTrackerTest.det(0.7f, 300 + 50 * f, 50, 20, 20)), 1.5, -0.5); // never matches: tentative churn
        }
        tracker.update(6, List.of(ByteTrackerTest.det(0.9f, 118, 200, 40, 100))); // the car goes LOST
        busy.lastSequence = 6;
        busy.reorderTimer = 1_500;
        busy.idleTimer = 301_000;
        FrameDetections.Timing timing = new FrameDetections.Timing(1, 2, 1, 3, 4, 5);
        busy.pending.put(8L, new FrameDetections("gate-ü", 8, 320, 640, 480, "m",
                List.of(new Detection(0, "person", 0.9f, 1, 2, 3, 4)), timing));
        busy.pending.put(9L, new FrameDetections("gate-ü", 9, 360, 640, 480, "m", List.of(), timing,
                new CameraMotion(3, 4.5, -2)));
        busy.lastMotion = new CameraMotion(3, 3, -1.5);
        assertThat(busy.tracker.tracks).extracting(t -> t.state).contains(TrackState.CONFIRMED, TrackState.LOST);
        assertThat(busy.tracker.tracks).allMatch(t -> t.historySize > 0);
        assertThat(busy.tracker.frameMillis).isEqualTo(40);
        return new CameraTrackingState[] {empty, busy};
    }

    @Test
    void restoredTrackerCarriesOnWithTheSameIds() throws Exception {
        TrackerState state = new TrackerState();
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS, state);
        for (int f = 0; f < 5; f++) {
            tracker.update(f, List.of(ByteTrackerTest.det(0.9f, 100 + 3 * f, 200, 40, 100)));
        }
        CameraTrackingState s = new CameraTrackingState();
        s.tracker = state;
        CameraTrackingStateSerializer serializer = new CameraTrackingStateSerializer();
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(s, out);
        CameraTrackingState restored = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        ByteTracker a = new ByteTracker(TrackerSettings.DEFAULTS, state);
        ByteTracker b = new ByteTracker(TrackerSettings.DEFAULTS, restored.tracker);
        List<Detection> next = List.of(ByteTrackerTest.det(0.9f, 115, 200, 40, 100), ByteTrackerTest.det(0.9f, 500, 200, 40, 100));
        assertThat(b.update(5, next)).isEqualTo(a.update(5, next));
        assertThat(b.update(6, next)).isEqualTo(a.update(6, next)).extracting(TrackedObject::trackId).containsExactly(1L, 2L);
    }

    @Test
    void snapshotKnowsItsFormatVersion() throws Exception {
        TypeSerializerSnapshot<CameraTrackingState> snapshot = new CameraTrackingStateSerializer().snapshotConfiguration();
        assertThat(snapshot.getCurrentVersion()).isEqualTo(CameraTrackingStateSerializer.CURRENT_VERSION);

        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<CameraTrackingState> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<CameraTrackingState> compat = snapshot.resolveSchemaCompatibility(read);
        assertThat(compat.isCompatibleAsIs()).isTrue();
        assertThat(read.restoreSerializer()).isEqualTo(new CameraTrackingStateSerializer());

        assertThatThrownBy(() -> new CameraTrackingStateSerializer.Snapshot().readSnapshot(
                CameraTrackingStateSerializer.CURRENT_VERSION + 1, new DataInputDeserializer(new byte[0]),
                getClass().getClassLoader()))
                .hasMessageContaining("newer than this code");
    }

    /** What format 1 wrote: one confirmed track and one waiting frame. */
    private static byte[] formatOne() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeLong(4); // last sequence
        out.writeLong(CameraTrackingState.NONE);
        out.writeLong(301_000);
        out.writeLong(2); // next id
        out.writeLong(4); // last frame
        out.writeInt(1);
        out.writeLong(1);
        out.writeInt(0);
        out.writeUTF("person");
        out.writeFloat(0.9f);
        double[] mean = {120, 250, 0.4, 100, 3, 0, 0, 0};
        for (double v : mean) {
            out.writeDouble(v);
        }
        for (int i = 0; i < 64; i++) {
            out.writeDouble(i % 9 == 0 ? 4 : 0);
        }
        out.writeByte(TrackState.CONFIRMED.ordinal());
        out.writeInt(5);
        out.writeLong(0);
        out.writeLong(4);
        out.writeInt(1); // one waiting frame, FrameDetections format 1
        out.writeUTF("gate");
        out.writeLong(6);
        out.writeLong(240);
        out.writeInt(640);
        out.writeInt(480);
        out.writeUTF("m");
        out.writeInt(0);
        for (int i = 0; i < 2; i++) {
            out.writeLong(0);
        }
        out.writeInt(1);
        for (int i = 0; i < 3; i++) {
            out.writeLong(0);
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void stateOfFormatOneRestoresAndTracksOn() throws Exception {
        CameraTrackingStateSerializer.Snapshot old = new CameraTrackingStateSerializer.Snapshot();
        old.readSnapshot(1, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

        CameraTrackingState s = old.restoreSerializer().deserialize(new DataInputDeserializer(formatOne()));

        assertThat(s.lastSequence).isEqualTo(4);
        assertThat(s.pending.get(6L).motion()).isNull();
        assertThat(s.lastMotion).isNull();
        Track t = s.tracker.tracks.get(0);
        assertThat(t.observedMean).containsExactly(t.mean);
        assertThat(t.historySize).isZero();
        assertThat(new CameraTrackingStateSerializer.Snapshot().resolveSchemaCompatibility(old)
                .isCompatibleAfterMigration()).isTrue();
        // The restored track goes on: matched again two frames later (a re-update from its current filter).
        ByteTracker tracker = new ByteTracker(TrackerSettings.DEFAULTS, s.tracker);
        assertThat(tracker.update(6, List.of(ByteTrackerTest.det(0.9f, 126, 250, 40, 100))))
                .extracting(TrackedObject::trackId).containsExactly(1L);
    }
}
