package dev.vigil.operators.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectionSettingsTest {

    private static final BatchingSettings BATCH_4_TWO_SLOTS = new BatchingSettings(4, Duration.ofMillis(20), 2);

    @Test
    void losslessCapacityRefillsEverySlotOnce() {
        assertThat(DetectionSettings.defaultCapacity(BATCH_4_TWO_SLOTS)).isEqualTo(16);
        assertThat(DetectionSettings.defaultCapacity(BATCH_4_TWO_SLOTS, FramePolicy.LOSSLESS, 8)).isEqualTo(16);
    }

    @Test
    void latestFrameCapacityLeavesRoomForEveryCameraSoSourcesAreNeverSlowed() {
        assertThat(DetectionSettings.defaultCapacity(BATCH_4_TWO_SLOTS, FramePolicy.LATEST, 8)).isEqualTo(32);
    }

    @Test
    void invalidSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> new BatchingSettings(0, Duration.ZERO, 1)).hasMessage("maxBatchSize must be >= 1, was 0");
        assertThatThrownBy(() -> new DetectionSettings(BATCH_4_TWO_SLOTS, FramePolicy.LOSSLESS, 0, Duration.ofSeconds(1)))
                .hasMessage("capacity must be >= 1, was 0");
        assertThatThrownBy(() -> new DetectionSettings(BATCH_4_TWO_SLOTS, FramePolicy.LOSSLESS, 4, Duration.ZERO))
                .hasMessage("timeout must be positive, was PT0S");
    }
}
