package dev.vigil.models.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NmsTest {

    @Test
    void overlappingBoxesOfTheSameClassKeepOnlyTheBest() {
        Candidates c = new Candidates();
        c.add(0, 0.6f, 0, 0, 10, 10);
        c.add(0, 0.9f, 1, 1, 11, 11); // IoU with the first = 81 / 119 = 0.68
        c.add(0, 0.5f, 20, 20, 30, 30);
        assertThat(Nms.classAware(c, 0.6f, 100)).containsExactly(1, 2);
    }

    @Test
    void overlappingBoxesOfDifferentClassesAreBothKept() {
        Candidates c = new Candidates();
        c.add(2, 0.47f, 464, 74, 691, 167); // car
        c.add(7, 0.45f, 463, 74, 692, 168); // truck, nearly the same box
        assertThat(Nms.classAware(c, 0.6f, 100)).containsExactly(0, 1);
    }

    @Test
    void overlapAtOrBelowTheThresholdDoesNotSuppress() {
        Candidates c = new Candidates();
        c.add(0, 0.9f, 0, 0, 10, 10);
        c.add(0, 0.8f, 5, 0, 15, 10); // IoU = 50 / 150 = 0.33
        assertThat(Nms.classAware(c, 0.45f, 100)).containsExactly(0, 1);
        assertThat(Nms.classAware(c, 0.3f, 100)).containsExactly(0);
    }

    @Test
    void resultIsSortedByScoreAndCappedAtMaxDetections() {
        Candidates c = new Candidates();
        for (int i = 0; i < 200; i++) {
            c.add(i % 3, i / 1000f, i * 20, 0, i * 20 + 10, 10);
        }
        int[] kept = Nms.classAware(c, 0.5f, 5);
        assertThat(kept).containsExactly(199, 198, 197, 196, 195);
    }

    @Test
    void noCandidatesGiveNoDetections() {
        assertThat(Nms.classAware(new Candidates(), 0.5f, 10)).isEmpty();
    }
}
