package dev.vigil.models.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecodingTest {

    @Test
    void dflOfOneHotLogitsIsThatBin() {
        float[] logits = {-50, -50, -50, 50, -50, -50, -50, -50};
        assertThat(Dfl.expectedBin(logits, 0, 8)).isCloseTo(3f, within(1e-4f));
    }

    @Test
    void dflOfEqualLogitsIsTheMiddle() {
        float[] logits = new float[10];
        assertThat(Dfl.expectedBin(logits, 2, 8)).isCloseTo(3.5f, within(1e-5f));
    }

    @Test
    void dflOfTwoEqualPeaksIsTheirMean() {
        float[] logits = {0, 0, 0, 0, 9, 0, 9, 0, 0};
        // softmax puts ~all weight on bins 3 and 5 (offset 1)
        assertThat(Dfl.expectedBin(logits, 1, 8)).isCloseTo(4f, within(1e-3f));
    }

    @Test
    void featureGridListsLevelsRowMajorWithCeilingSizes() {
        FeatureGrid grid = FeatureGrid.of(416, 416, 0f, 8, 16, 32, 64);
        assertThat(grid.size()).isEqualTo(52 * 52 + 26 * 26 + 13 * 13 + 7 * 7);
        assertThat(grid.x(1)).isEqualTo(8f);
        assertThat(grid.y(52)).isEqualTo(8f);
        int lastLevelStart = 52 * 52 + 26 * 26 + 13 * 13;
        assertThat(grid.stride(lastLevelStart)).isEqualTo(64f);
        assertThat(grid.x(grid.size() - 1)).isEqualTo(6 * 64f);
        assertThat(FeatureGrid.of(320, 320, 0.5f, 8).x(0)).isEqualTo(4f);
    }

    @Test
    void dflRowsDecoderBuildsBoxesAroundTopLeftPriorsAndClipsToTheInput() {
        // Input 16x16, one stride-8 level: 2x2 priors at (0,0), (8,0), (0,8), (8,8); 2 classes, reg_max 1.
        FeatureGrid grid = FeatureGrid.of(16, 16, 0f, 8);
        DflRowsDecoder decoder = new DflRowsDecoder(0, 2, 1, grid, 16, 16);
        int columns = 2 + 4 * 2;
        float[] data = new float[4 * columns];
        // Prior 3 at (8, 8): class 1 at 0.9; every side one-hot on bin 1 -> distance 1 * 8.
        int r = 3 * columns;
        data[r] = 0.2f;
        data[r + 1] = 0.9f;
        for (int side = 0; side < 4; side++) {
            data[r + 2 + side * 2] = -40;
            data[r + 2 + side * 2 + 1] = 40;
        }
        // Prior 0 scores below the threshold.
        data[0] = 0.3f;
        Candidates out = new Candidates();
        decoder.decode(List.of(new OutputTensor("output", new long[] {1, 4, columns}, data)), 0, 0.35f, out);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.classId(0)).isEqualTo(1);
        assertThat(out.score(0)).isEqualTo(0.9f);
        assertThat(out.x1(0)).isCloseTo(0f, within(1e-3f));
        assertThat(out.x2(0)).isCloseTo(16f, within(1e-3f));
        assertThat(out.y2(0)).isCloseTo(16f, within(1e-3f));
    }

    @Test
    void decoderRejectsAnOutputOfTheWrongLayout() {
        DflRowsDecoder decoder = new DflRowsDecoder(0, 80, 7, FeatureGrid.of(320, 320, 0f, 8, 16, 32, 64), 320, 320);
        OutputTensor yoloShaped = new OutputTensor("outputs", new long[] {1, 2125, 85}, new float[2125 * 85]);
        assertThatThrownBy(() -> decoder.decode(List.of(yoloShaped), 0, 0.3f, new Candidates()))
                .hasMessageContaining("[1, 2125, 85]")
                .hasMessageContaining("family");
    }

    @Test
    void centerSizeRowsDecoderMultipliesObjectnessAndPicksTheBestClass() {
        CenterSizeRowsDecoder decoder = new CenterSizeRowsDecoder(0, 3);
        float[] data = {
            // cx, cy, w, h, obj, c0, c1, c2
            50, 40, 20, 10, 0.9f, 0.1f, 0.8f, 0.3f,
            10, 10, 4, 4, 0.5f, 0.6f, 0.0f, 0.0f, // 0.5 * 0.6 = 0.30 < 0.35
        };
        Candidates out = new Candidates();
        decoder.decode(List.of(new OutputTensor("outputs", new long[] {1, 2, 8}, data)), 0, 0.35f, out);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.classId(0)).isEqualTo(1);
        assertThat(out.score(0)).isCloseTo(0.72f, within(1e-6f));
        assertThat(new float[] {out.x1(0), out.y1(0), out.x2(0), out.y2(0)}).containsExactly(40, 35, 60, 45);
    }
}
