package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodeSettingsTest {

    @Test
    void framesTheStrideSelectsInARange() {
        DecodeSettings everyThird = new DecodeSettings(3, 0, false, false);

        assertThat(everyThird.selectedIn(0, 0)).isEqualTo(1); // 0
        assertThat(everyThird.selectedIn(1, 2)).isZero();
        assertThat(everyThird.selectedIn(1, 3)).isEqualTo(1); // 3
        assertThat(everyThird.selectedIn(105, 183)).isEqualTo(27); // 105, 108, ..., 183
        assertThat(new DecodeSettings(1, 0, false, false).selectedIn(105, 183)).isEqualTo(79);
    }

    @Test
    void theFrameLimitCountsFramesOfTheStreamTheStrideSelects() {
        DecodeSettings fiveOfEveryThird = new DecodeSettings(3, 5, false, false);

        assertThat(fiveOfEveryThird.lastSequenceWithinLimit()).isEqualTo(12); // 0, 3, 6, 9, 12
        assertThat(fiveOfEveryThird.reachedMaxFrames(12)).isFalse();
        assertThat(fiveOfEveryThird.reachedMaxFrames(13)).isTrue();
        assertThat(new DecodeSettings(1, 0, false, false).reachedMaxFrames(Long.MAX_VALUE / 2)).isFalse();
    }
}
