package dev.vigil.sinks.video;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StreamRateTest {

    @Test
    void noRateFromOneFrame() {
        assertThat(new StreamRate().add(1_000)).isZero();
    }

    @Test
    void theRateIsMeasuredFromTheSecondFrameOn() {
        StreamRate rate = new StreamRate();
        rate.add(0);

        assertThat(rate.add(40)).isEqualTo(25.0);
        assertThat(rate.add(80)).isEqualTo(25.0);
    }

    @Test
    void aStrideOrSlowerCameraShowsItsOwnRate() {
        StreamRate rate = new StreamRate();
        double last = 0;
        for (int i = 0; i < 10; i++) {
            last = rate.add(i * 1_200L);
        }
        assertThat(last).isCloseTo(0.833, within(0.001));
    }

    @Test
    void aChangeOfRateShowsOnceTheWindowHasPassed() {
        StreamRate rate = new StreamRate();
        long t = 0;
        for (int i = 0; i < StreamRate.WINDOW; i++) {
            rate.add(t += 100);
        }
        double last = 0;
        for (int i = 0; i < StreamRate.WINDOW; i++) {
            last = rate.add(t += 40);
        }
        assertThat(last).isEqualTo(25.0);
    }
}
