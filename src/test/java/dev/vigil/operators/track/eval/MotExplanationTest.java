package dev.vigil.operators.track.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MotExplanationTest {

    private static MotBox box(int frame, int id, double x) {
        return new MotBox(frame, id, x, 50, 40, 100, 1, 1, -1);
    }

    @Test
    void namesTheSwitchTheFalsePositivesAndTheMisses() {
        List<MotBox> gt = new ArrayList<>();
        List<MotBox> hyp = new ArrayList<>();
        for (int f = 1; f <= 10; f++) {
            gt.add(box(f, 1, 10 + 3 * f));
            gt.add(box(f, 2, 300));
            if (f != 5) {
                // Object 1's track is lost in frame 5, a new one takes over from frame 6.
                hyp.add(box(f, f < 5 ? 1 : 3, 10 + 3 * f));
            }
            if (f >= 9) {
                hyp.add(box(f, 7, 500));
            }
        }
        MotExplanation explanation = new MotExplanation();
        MotMetrics metrics = MotEvaluator.evaluate(gt, hyp, 0.5, explanation);

        assertThat(metrics.idSwitches()).isEqualTo(1);
        assertThat(explanation.lines()).containsSubsequence(
                "ID switches: 1",
                "  frame 6: object 1 went from track 1 (last on it in frame 4; not reported now) to track 3 (born frame 6)",
                "false positives by track (best IoU with an object in those frames):",
                "  track 7: 2 in frames 9-10 (born frame 9), best IoU 0.00",
                "misses by object (best IoU with a track in those frames):",
                "  object 1: 1 in frames 5, best IoU 0.00",
                "  object 2: 10 in frames 1-10, best IoU 0.00");
    }
}
