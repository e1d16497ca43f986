package dev.vigil.models;

import dev.vigil.models.processing.TileGrid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a frame is sliced for detection (sliced inference, as SAHI does it): overlapping tiles of a frame are
 * detected as images of their own, so that small objects reach the model at their own resolution instead of
 * shrunk with the whole frame, optionally with a pass over the whole frame for objects larger than a tile; the
 * boxes of all passes are mapped back to the frame and merged.
 *
 * @param tileWidth tile width in frame pixels
 * @param tileHeight tile height in frame pixels
 * @param overlap fraction of a tile shared with its neighbour, in [0, 1)
 * @param fullFrame whether the whole frame is detected too (large objects)
 * @param minFrameSide frames whose longer side is below this are not sliced (one pass, as without slicing)
 * @param regionOfInterest where to slice, in frame pixels, clipped to each frame; null for the whole frame
 * @param method how the passes' boxes become one set
 * @param metric how boxes are compared when merging
 * @param threshold the metric at which two boxes are one object
 */
public record Slicing(int tileWidth, int tileHeight, double overlap, boolean fullFrame, int minFrameSide,
        Region regionOfInterest, BoxMerge.Method method, BoxMerge.Metric metric, double threshold)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A rectangle in frame pixels. */
    public record Region(int x, int y, int width, int height) implements Serializable {
        public Region {
            if (x < 0 || y < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("a region needs x, y >= 0 and a positive size, got " + width + "x"
                        + height + " at (" + x + ", " + y + ")");
            }
        }
    }

    /** Overlap of SAHI's examples and paper. */
    public static final double DEFAULT_OVERLAP = 0.2;
    /** Greedy merging by intersection over the smaller box at 0.5: SAHI's default post-processing. */
    public static final BoxMerge.Method DEFAULT_METHOD = BoxMerge.Method.MERGE;
    public static final BoxMerge.Metric DEFAULT_METRIC = BoxMerge.Metric.IOS;
    public static final double DEFAULT_THRESHOLD = 0.5;

    public Slicing {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(metric, "metric");
        if (tileWidth <= 0 || tileHeight <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileWidth + "x" + tileHeight);
        }
        if (!(overlap >= 0 && overlap < 1)) {
            throw new IllegalArgumentException("overlap must be in [0, 1), got " + overlap);
        }
        if (minFrameSide < 0) {
            throw new IllegalArgumentException("minimum frame side must not be negative, got " + minFrameSide);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("merge threshold must be in (0, 1], got " + threshold);
        }
    }

    /** Tiles of the given size, with every other setting at its default (full-frame pass on, no minimum). */
    public static Slicing tiles(int tileWidth, int tileHeight) {
        return new Slicing(tileWidth, tileHeight, DEFAULT_OVERLAP, true, 0, null, DEFAULT_METHOD,
                DEFAULT_METRIC, DEFAULT_THRESHOLD);
    }

    public Slicing withFullFrame(boolean on) {
        return new Slicing(tileWidth, tileHeight, overlap, on, minFrameSide, regionOfInterest, method, metric,
                threshold);
    }

    /**
     * The model inputs a frame takes: its tiles, then the whole frame when {@link #fullFrame()} is on; just the
     * whole frame when the frame is below {@link #minFrameSide()} or the region of interest lies outside it.
     */
    public List<ImageRegion> passes(BgrImage frame) {
        List<ImageRegion> passes = new ArrayList<>();
        if (Math.max(frame.width(), frame.height()) < minFrameSide) {
            passes.add(ImageRegion.whole(frame));
            return passes;
        }
        Region area = regionOfInterest != null ? regionOfInterest : new Region(0, 0, frame.width(), frame.height());
        int x = Math.min(area.x(), frame.width());
        int y = Math.min(area.y(), frame.height());
        int width = Math.min(area.x() + area.width(), frame.width()) - x;
        int height = Math.min(area.y() + area.height(), frame.height()) - y;
        if (width > 0 && height > 0) {
            for (TileGrid.Tile tile : TileGrid.cover(x, y, width, height, tileWidth, tileHeight, overlap)) {
                passes.add(new ImageRegion(frame, tile.x(), tile.y(), tile.width(), tile.height()));
            }
        }
        if (fullFrame || passes.isEmpty()) {
            passes.add(ImageRegion.whole(frame));
        }
        return passes;
    }
}
