package dev.vigil.models;

/**
 * The sides of a box that the edge of its tile cut: a box that reaches an edge of its tile, where the tile ends
 * inside the frame, shows only the part of an object that the tile saw, and that side of it says nothing about
 * where the object ends. The frame's own border cuts nothing that another pass could see past.
 */
public record CutSides(boolean left, boolean top, boolean right, boolean bottom) {

    /** A box no tile edge cut: one of the full-frame pass, or one inside its tile. */
    public static final CutSides NONE = new CutSides(false, false, false, false);

    /**
     * The sides of {@code box} (frame pixels) that lie within {@code margin} pixels of an edge of {@code tile}
     * that is not also an edge of the frame. A whole-frame pass cuts nothing.
     */
    public static CutSides of(Detection box, ImageRegion tile, double margin) {
        if (tile.isWhole()) {
            return NONE;
        }
        int right = tile.x() + tile.width();
        int bottom = tile.y() + tile.height();
        return new CutSides(tile.x() > 0 && box.x1() <= tile.x() + margin,
                tile.y() > 0 && box.y1() <= tile.y() + margin,
                right < tile.image().width() && box.x2() >= right - margin,
                bottom < tile.image().height() && box.y2() >= bottom - margin);
    }

    /** Whether any side is cut. */
    public boolean any() {
        return left || top || right || bottom;
    }
}
