package dev.vigil.models.processing;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping tiles covering a rectangle of a frame, as sliced inference (SAHI) lays them out: tiles of one size
 * step across the rectangle by {@code size x (1 - overlap)}, and the last tile of a row or column is moved back to
 * end at the rectangle's edge rather than sticking out, so every tile has the full size (unless the rectangle is
 * smaller than a tile) and every pixel is covered.
 */
public final class TileGrid {

    private TileGrid() {}

    /** A tile: its top-left corner and size in frame pixels. */
    public record Tile(int x, int y, int width, int height) {}

    /**
     * The tiles over the {@code width x height} rectangle at ({@code x}, {@code y}), row by row.
     *
     * @param overlap fraction of a tile shared with its neighbour, in [0, 1)
     */
    public static List<Tile> cover(int x, int y, int width, int height, int tileWidth, int tileHeight, double overlap) {
        if (width <= 0 || height <= 0 || tileWidth <= 0 || tileHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive: region " + width + "x" + height
                    + ", tile " + tileWidth + "x" + tileHeight);
        }
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        }
        List<Tile> tiles = new ArrayList<>();
        for (int top : starts(height, tileHeight, overlap)) {
            for (int left : starts(width, tileWidth, overlap)) {
                tiles.add(new Tile(x + left, y + top, Math.min(tileWidth, width), Math.min(tileHeight, height)));
            }
        }
        return tiles;
    }

    /** Start offsets along one axis of {@code length}, for tiles of {@code tile} overlapping by {@code overlap}. */
    static List<Integer> starts(int length, int tile, double overlap) {
        List<Integer> starts = new ArrayList<>();
        if (tile >= length) {
            starts.add(0);
            return starts;
        }
        int step = Math.max(1, (int) Math.floor(tile * (1 - overlap)));
        for (int start = 0; ; start += step) {
            if (start + tile >= length) {
                starts.add(length - tile);
                return starts;
            }
            starts.add(start);
        }
    }
}
