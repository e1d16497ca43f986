package dev.vigil.operators.track.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MotFilesLineTest {

    @Test
    void rowsFollowMotChallengeWithOneBasedFramesAndShortScores() {
        assertThat(MotFiles.line(1, 7, 10.5f, 20f, 30.25f, 40f, 1f)).isEqualTo("1,7,10.50,20.00,30.25,40.00,1,-1,-1,-1");
        assertThat(MotFiles.line(12, 3, 0f, 0f, 5f, 6f, 0.8765f)).isEqualTo("12,3,0.00,0.00,5.00,6.00,0.8765,-1,-1,-1");
        assertThat(MotFiles.line(2, 3, 0f, 0f, 5f, 6f, 0.5f)).isEqualTo("2,3,0.00,0.00,5.00,6.00,0.5,-1,-1,-1");
    }
}
