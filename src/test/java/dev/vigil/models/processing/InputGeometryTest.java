package dev.vigil.models.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InputGeometryTest {

    @Test
    void letterboxOfAPortraitFrameFitsTheHeightAndCentresHorizontally() {
        InputGeometry g = InputGeometry.letterbox(810, 1080, 320, 320);
        assertThat(g.contentWidth()).isEqualTo(240);
        assertThat(g.contentHeight()).isEqualTo(320);
        assertThat(g.padLeft()).isEqualTo(40);
        assertThat(g.padTop()).isZero();
        assertThat(g.scaleX()).isEqualTo(g.scaleY()).isCloseTo(320.0 / 1080, within(1e-12));
    }

    @Test
    void letterboxSplitsAnOddPaddingLikeUpstream() {
        // 100x57 -> r = 3.2, content 320x182 (182.4 rounded), padding 138: 69 above, 69 below.
        InputGeometry even = InputGeometry.letterbox(100, 57, 320, 320);
        assertThat(even.contentHeight()).isEqualTo(182);
        assertThat(even.padTop()).isEqualTo(69);
        // 100x59 -> content 320x189 (188.8 rounded), padding 131: dh = 65.5, top round(65.4) = 65.
        InputGeometry odd = InputGeometry.letterbox(100, 59, 320, 320);
        assertThat(odd.contentHeight()).isEqualTo(189);
        assertThat(odd.padTop()).isEqualTo(65);
    }

    @Test
    void letterboxUpscalesSmallFrames() {
        InputGeometry g = InputGeometry.letterbox(160, 80, 320, 320);
        assertThat(g.scaleX()).isEqualTo(2.0);
        assertThat(g.contentWidth()).isEqualTo(320);
        assertThat(g.contentHeight()).isEqualTo(160);
        assertThat(g.padTop()).isEqualTo(80);
        assertThat(g.toSourceX(320)).isEqualTo(160f);
        assertThat(g.toSourceY(240)).isEqualTo(80f);
    }

    @Test
    void stretchScalesEachAxisOnItsOwn() {
        InputGeometry g = InputGeometry.stretch(1920, 1080, 416, 416);
        assertThat(g.padLeft()).isZero();
        assertThat(g.padTop()).isZero();
        assertThat(g.toSourceX(416)).isCloseTo(1920f, within(1e-3f));
        assertThat(g.toSourceY(416)).isCloseTo(1080f, within(1e-3f));
        assertThat(g.toSourceX(208)).isCloseTo(960f, within(1e-3f));
    }

    @ParameterizedTest
    @CsvSource({"1920,1080,320,320", "810,1080,320,320", "64,48,416,416", "333,777,320,192"})
    void inputAndSourceCoordinatesRoundTrip(int w, int h, int inW, int inH) {
        for (InputGeometry g : new InputGeometry[] {
                InputGeometry.letterbox(w, h, inW, inH), InputGeometry.stretch(w, h, inW, inH)}) {
            for (float x : new float[] {0, 1.5f, w / 3f, w}) {
                assertThat(g.toSourceX(g.toInputX(x))).isCloseTo(x, within(1e-3f));
            }
            for (float y : new float[] {0, 2.25f, h / 2f, h}) {
                assertThat(g.toSourceY(g.toInputY(y))).isCloseTo(y, within(1e-3f));
            }
            // The frame's corners land on the content's corners.
            assertThat(g.toInputX(w)).isCloseTo(g.padLeft() + g.contentWidth(), within(0.51f));
            assertThat(g.toInputY(h)).isCloseTo(g.padTop() + g.contentHeight(), within(0.51f));
        }
    }
}
