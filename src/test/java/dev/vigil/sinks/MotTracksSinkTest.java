package dev.vigil.sinks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MotTracksSinkTest {

    @Test
    void cameraIdsBecomeSafeFileNames() {
        assertThat(MotTracksSink.safeName("gate-1.north")).isEqualTo("gate-1.north");
        assertThat(MotTracksSink.safeName("rtsp://10.0.0.1/a b")).isEqualTo("rtsp___10.0.0.1_a_b");
    }
}
