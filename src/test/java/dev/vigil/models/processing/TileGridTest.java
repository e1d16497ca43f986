package dev.vigil.models.processing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TileGridTest {

    @Test
    void tilesStepByTheOverlapAndTheLastOneEndsAtTheEdge() {
        // 1000 px, 320 px tiles, 20 % overlap: step 256; 0, 256, 512, then 680 (ends at 1000) instead of 768.
        assertThat(TileGrid.starts(1000, 320, 0.2)).containsExactly(0, 256, 512, 680);
        assertThat(TileGrid.starts(320, 320, 0.2)).containsExactly(0);
        assertThat(TileGrid.starts(200, 320, 0.2)).containsExactly(0);
        assertThat(TileGrid.starts(640, 320, 0.0)).containsExactly(0, 320);
    }

    @Test
    void aFourKFrameIsCoveredByFullSizeTilesRowByRow() {
        List<TileGrid.Tile> tiles = TileGrid.cover(0, 0, 3840, 2160, 640, 640, 0.2);
        // Steps of 512: 7 tiles across (0 .. 3072, then 3200), 4 down (0, 512, 1024, then 1520).
        assertThat(tiles).hasSize(8 * 4);
        assertThat(tiles).allSatisfy(t -> {
            assertThat(t.width()).isEqualTo(640);
            assertThat(t.height()).isEqualTo(640);
            assertThat(t.x() + t.width()).isLessThanOrEqualTo(3840);
            assertThat(t.y() + t.height()).isLessThanOrEqualTo(2160);
        });
        assertThat(tiles.get(0)).isEqualTo(new TileGrid.Tile(0, 0, 640, 640));
        assertThat(tiles.get(tiles.size() - 1)).isEqualTo(new TileGrid.Tile(3200, 1520, 640, 640));
        // Every pixel is covered.
        for (int x = 0; x < 3840; x += 37) {
            for (int y = 0; y < 2160; y += 41) {
                int px = x;
                int py = y;
                assertThat(tiles).anySatisfy(t -> assertThat(px >= t.x() && px < t.x() + t.width()
                        && py >= t.y() && py < t.y() + t.height()).isTrue());
            }
        }
    }

    @Test
    void aRegionIsTiledInPlaceAndASmallRegionIsOneTile() {
        assertThat(TileGrid.cover(100, 50, 200, 100, 320, 320, 0.2))
                .containsExactly(new TileGrid.Tile(100, 50, 200, 100));
        assertThat(TileGrid.cover(1000, 0, 600, 320, 320, 320, 0.5))
                .containsExactly(new TileGrid.Tile(1000, 0, 320, 320), new TileGrid.Tile(1160, 0, 320, 320),
                        new TileGrid.Tile(1280, 0, 320, 320));
    }

    @Test
    void refusesSizesAndOverlapsThatCoverNothing() {
        assertThatThrownBy(() -> TileGrid.cover(0, 0, 100, 100, 0, 10, 0.2)).hasMessageContaining("positive");
        assertThatThrownBy(() -> TileGrid.cover(0, 0, 100, 100, 10, 10, 1.0)).hasMessageContaining("overlap");
    }
}
