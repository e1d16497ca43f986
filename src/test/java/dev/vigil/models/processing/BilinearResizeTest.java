package dev.vigil.models.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.models.BgrImage;
import org.junit.jupiter.api.Test;

class BilinearResizeTest {

    private static final Normalization IDENTITY = Normalization.meanStd(new float[] {0, 0, 0}, new float[] {1, 1, 1});

    /** A one-channel-varying image: B = value, G = 0, R = 255 - value. */
    private static InputGeometry fill(InputRecipe recipe, BgrImage image, float[] tensor, int offset) {
        return recipe.fill(image.width(), image.height(), image.pixels(), tensor, offset);
    }

    private static BgrImage image(int width, int height, int... blue) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < blue.length; i++) {
            pixels[i * 3] = (byte) blue[i];
            pixels[i * 3 + 2] = (byte) (255 - blue[i]);
        }
        return new BgrImage(width, height, pixels);
    }

    @Test
    void upscalingUsesHalfPixelCentresAndClampsAtTheEdges() {
        // 2x1 -> 4x1: source x = (d + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25
        // -> clamp to 0, blend 0.25, blend 0.75, clamp to 1 (like cv2.resize INTER_LINEAR).
        InputRecipe recipe = new InputRecipe(4, 1, Resizing.stretch(), ChannelOrder.BGR, IDENTITY);
        float[] tensor = new float[recipe.valuesPerImage()];
        fill(recipe, image(2, 1, 0, 100), tensor, 0);
        assertThat(tensor).startsWith(0f, 25f, 75f, 100f);
        // Red plane is 255 - blue.
        assertThat(tensor[8]).isEqualTo(255f);
        assertThat(tensor[9]).isEqualTo(230f);
    }

    @Test
    void downscalingByTwoAveragesPairsWithoutWiderSupport() {
        // 4x1 -> 2x1: source x = 0.5, 2.5: means of (10, 20) and (30, 250), rounded to 8 bits.
        InputRecipe recipe = new InputRecipe(2, 1, Resizing.stretch(), ChannelOrder.BGR, IDENTITY);
        float[] tensor = new float[recipe.valuesPerImage()];
        fill(recipe, image(4, 1, 10, 20, 30, 250), tensor, 0);
        assertThat(tensor[0]).isEqualTo(15f);
        assertThat(tensor[1]).isEqualTo(140f);
    }

    @Test
    void twoDimensionalBlendOfAFourPixelImage() {
        // 2x2 -> 3x3: the centre samples source (0.5, 0.5): mean of all four.
        InputRecipe recipe = new InputRecipe(3, 3, Resizing.stretch(), ChannelOrder.BGR, IDENTITY);
        float[] tensor = new float[recipe.valuesPerImage()];
        fill(recipe, image(2, 2, 0, 40, 80, 200), tensor, 0);
        assertThat(tensor[4]).isEqualTo(80f);
        assertThat(tensor[0]).isEqualTo(0f);
        assertThat(tensor[8]).isEqualTo(200f);
        // (x, y) = (1, 0): source x 0.5, y clamped to 0 -> mean of 0 and 40.
        assertThat(tensor[1]).isEqualTo(20f);
    }

    @Test
    void letterboxPadsNormalisesSwapsChannelsAndWritesAtTheBatchOffset() {
        InputRecipe recipe = new InputRecipe(4, 4, Resizing.letterbox(114), ChannelOrder.RGB, Normalization.unitRange());
        float[] tensor = new float[2 * recipe.valuesPerImage()];
        InputGeometry g = fill(recipe, image(2, 1, 51, 51), tensor, recipe.valuesPerImage());
        assertThat(g.contentWidth()).isEqualTo(4);
        assertThat(g.contentHeight()).isEqualTo(2);
        assertThat(g.padTop()).isEqualTo(1);
        int base = recipe.valuesPerImage();
        // First image untouched.
        assertThat(tensor[0]).isZero();
        // Row 0 is padding: 114 / 255 in every channel.
        assertThat(tensor[base]).isEqualTo(114f / 255f);
        // Row 1 is content: channel 0 is red (255 - 51), channel 2 blue (51).
        assertThat(tensor[base + 4]).isEqualTo(204f / 255f);
        assertThat(tensor[base + 2 * 16 + 4]).isEqualTo(51f / 255f);
        assertThat(tensor[base + 16 + 4]).isZero();
        // Row 3 is padding again.
        assertThat(tensor[base + 12]).isEqualTo(114f / 255f);
    }

    @Test
    void meanStdNormalisationIsAppliedPerChannel() {
        Normalization n = Normalization.meanStd(new float[] {103.53f, 116.28f, 123.675f},
                new float[] {57.375f, 57.12f, 58.395f});
        InputRecipe recipe = new InputRecipe(1, 1, Resizing.stretch(), ChannelOrder.BGR, n);
        float[] tensor = new float[3];
        fill(recipe, image(1, 1, 200), tensor, 0);
        assertThat(tensor[0]).isEqualTo((200 - 103.53f) / 57.375f);
        assertThat(tensor[1]).isEqualTo((0 - 116.28f) / 57.12f);
        assertThat(tensor[2]).isEqualTo((55 - 123.675f) / 58.395f);
    }

    @Test
    void aRegionReadInPlaceGivesTheSameInputAsItsCopy() {
        java.util.Random random = new java.util.Random(7);
        byte[] pixels = new byte[97 * 61 * 3];
        random.nextBytes(pixels);
        BgrImage frame = new BgrImage(97, 61, pixels);
        dev.vigil.models.ImageRegion tile = new dev.vigil.models.ImageRegion(frame, 13, 8, 40, 30);
        for (Resizing resizing : new Resizing[] {Resizing.stretch(), Resizing.letterbox(114)}) {
            InputRecipe recipe = new InputRecipe(32, 32, resizing, ChannelOrder.RGB, IDENTITY);
            float[] inPlace = new float[recipe.valuesPerImage() + 5];
            float[] copied = new float[recipe.valuesPerImage() + 5];
            InputGeometry a = recipe.fill(pixels, 97, 13, 8, 40, 30, inPlace, 5);
            BgrImage copy = tile.copy();
            InputGeometry b = recipe.fill(copy.width(), copy.height(), copy.pixels(), copied, 5);
            assertThat(a).isEqualTo(b);
            assertThat(inPlace).as(resizing.toString()).containsExactly(copied);
        }
    }
}
