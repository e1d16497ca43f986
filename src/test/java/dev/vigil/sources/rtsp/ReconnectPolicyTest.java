package dev.vigil.sources.rtsp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconnectPolicyTest {

    private final ReconnectPolicy policy =
            new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 5, 0.2);

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheMaximum() {
        assertThat(policy.delayMillis(1, () -> 0.5)).isEqualTo(100);
        assertThat(policy.delayMillis(2, () -> 0.5)).isEqualTo(200);
        assertThat(policy.delayMillis(3, () -> 0.5)).isEqualTo(400);
        assertThat(policy.delayMillis(5, () -> 0.5)).isEqualTo(1600);
        assertThat(policy.delayMillis(6, () -> 0.5)).isEqualTo(2000);
        assertThat(policy.delayMillis(1_000, () -> 0.5)).isEqualTo(2000);
    }

    @Test
    void jitterSpreadsEachDelayWithinItsShareButNeverPastTheMaximum() {
        assertThat(policy.delayMillis(3, () -> 0.0)).isEqualTo(320);
        assertThat(policy.delayMillis(3, () -> 0.999_999)).isEqualTo(480);
        assertThat(policy.delayMillis(20, () -> 0.999_999)).isEqualTo(2000);
        assertThat(policy.delayMillis(20, () -> 0.0)).isEqualTo(1600);
    }

    @Test
    void givesUpOnlyAfterMaxAttemptsAndNeverWithoutALimit() {
        assertThat(policy.givesUpAfter(4)).isFalse();
        assertThat(policy.givesUpAfter(5)).isTrue();
        assertThat(ReconnectPolicy.DEFAULT.givesUpAfter(Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 0, 0.2))
                .hasMessageContaining("initial reconnect delay must be positive");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, 0.2))
                .hasMessageContaining("below the initial delay");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), -1, 0.2))
                .hasMessageContaining("max reconnect attempts");
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1.0))
                .hasMessageContaining("jitter");
    }
}
