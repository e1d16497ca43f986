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
 * @param metric how boxes are compared when merging (boxes a tile edge cut by intersection over the smaller box
 *     whatever this says, when the method is {@link BoxMerge.Method#SEAM})
 * @param threshold the metric at which two boxes are one object
 * @param classAgnostic whether boxes of different classes can be one object when merging (the higher-scored
 *     box's class wins): a car cut by a seam and called a truck in one tile becomes one object
 * @param cutMargin how close, in frame pixels, a box's side must come to an inner tile edge to count as cut by
 *     it (see {@link CutSides})
 */
public record Slicing(int tileWidth, int tileHeight, double overlap, boolean fullFrame, int minFrameSide,
        Region regionOfInterest, BoxMerge.Method method, BoxMerge.Metric metric, double threshold,
        boolean classAgnostic, double cutMargin) implements Serializable {

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
    /**
     * Non-maximum suppression by IoU at 0.5, boxes cut by a tile edge matched by intersection over the smaller box
     * and given back their cut sides: on the coco128 mosaics it beat SAHI's greedy union (merge, IoS, 0.5) on AP,
     * AP_small and AP_large for all four catalogue models, where the union inflated most boxes. See
     * {@link BoxMerge}.
     */
    public static final BoxMerge.Method DEFAULT_METHOD = BoxMerge.Method.SEAM;
    public static final BoxMerge.Metric DEFAULT_METRIC = BoxMerge.Metric.IOU;
    public static final double DEFAULT_THRESHOLD = 0.5;
    /**
     * Class-aware: on the mosaics every model scored lower AP and AP_large class-agnostic. Classes are scored one
     * by one, so of an object called both car and truck, the lower-scored box that class-agnostic merging drops
     * is a miss whenever it had the right class; in the job, the tracker's class-agnostic duplicate check keeps
     * one object per place.
     */
    public static final boolean DEFAULT_CLASS_AGNOSTIC = false;
    /** A box a tile cut ends at the tile's edge, give or take the model's rounding; AP barely moved from 1 to 8. */
    public static final double DEFAULT_CUT_MARGIN = 2;

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
        if (!(cutMargin >= 0 && Double.isFinite(cutMargin))) {
            throw new IllegalArgumentException("cut margin must be a finite number of pixels >= 0, got " + cutMargin);
        }
    }

    /** Tiles of the given size, with every other setting at its default (full-frame pass on, no minimum). */
    public static Slicing tiles(int tileWidth, int tileHeight) {
        return new Slicing(tileWidth, tileHeight, DEFAULT_OVERLAP, true, 0, null, DEFAULT_METHOD,
                DEFAULT_METRIC, DEFAULT_THRESHOLD, DEFAULT_CLASS_AGNOSTIC, DEFAULT_CUT_MARGIN);
    }

    public Slicing withFullFrame(boolean on) {
        return new Slicing(tileWidth, tileHeight, overlap, on, minFrameSide, regionOfInterest, method, metric,
                threshold, classAgnostic, cutMargin);
    }

    /** This slicing with the passes' boxes merged by {@code method}, compared by {@code metric} at {@code threshold}. */
    public Slicing withMerge(BoxMerge.Method method, BoxMerge.Metric metric, double threshold) {
        return new Slicing(tileWidth, tileHeight, overlap, fullFrame, minFrameSide, regionOfInterest, method, metric,
                threshold, classAgnostic, cutMargin);
    }

    public Slicing withClassAgnostic(boolean on) {
        return new Slicing(tileWidth, tileHeight, overlap, fullFrame, minFrameSide, regionOfInterest, method, metric,
                threshold, on, cutMargin);
    }

    /** The detections of all passes over one frame, merged into one set as this slicing says. */
    public List<Detection> merge(List<PassDetection> detections) {
        return BoxMerge.merge(detections, method, metric, threshold, classAgnostic);
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
