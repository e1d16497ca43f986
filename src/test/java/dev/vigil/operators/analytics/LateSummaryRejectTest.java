package dev.vigil.operators.analytics;

import dev.vigil.operators.Reject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LateSummaryRejectTest {

    @Test
    void lateFrameBecomesACountRejectNamingFrameAndTime() {
        FrameSummary late = new FrameSummary("gate", 42, 61_000, Map.of(), List.of(), List.of());

        Reject reject = new LateSummaryReject().map(late);

        assertThat(reject.stage()).isEqualTo(Reject.Stage.COUNT);
        assertThat(reject.cameraId()).isEqualTo("gate");
        assertThat(reject.sequence()).isEqualTo(42);
        assertThat(reject.reason()).isEqualTo("frame 42 of camera 'gate' (event time 61000 ms) arrived after its count "
                + "window was emitted; its events are in the events output but not in the counts");
    }
}
