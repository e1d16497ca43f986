package dev.vigil.sinks;

import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MotTracksSinkTest {

    @Test
    void cameraIdsBecomeSafeFileNames() {
        assertThat(MotTracksSink.safeName("gate-1.north")).isEqualTo("gate-1.north");
        assertThat(MotTracksSink.safeName("rtsp://10.0.0.1/a b")).isEqualTo("rtsp___10.0.0.1_a_b");
    }

    @Test
    void onlyTheChosenClassesAreWritten() {
        TrackedFrame frame = new TrackedFrame("street", 4, 160, 640, 352, List.of(
                new TrackedObject(1, 0, "person", 0.9f, 10, 20, 50, 120, 0, 0, 3, TrackState.CONFIRMED),
                new TrackedObject(2, 2, "car", 0.8f, 100, 100, 200, 160, 0, 0, 3, TrackState.CONFIRMED)));

        assertThat(MotTracksSink.lines(frame, Set.of("person")))
                .containsExactly("5,1,10.00,20.00,40.00,100.00,0.9,-1,-1,-1");
        assertThat(MotTracksSink.lines(frame, null)).hasSize(2);
    }
}
