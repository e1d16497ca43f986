package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where objects were, per camera, from the tracked frames: each tracked object in each frame adds one to
 * the grid cell of its anchor (the bottom centre of its box, where it stands, as the analytics place it),
 * so an object that stays adds as many as the frames it stays. Drawn as SVG cells over the frame, on a
 * logarithmic colour scale so that a lane driven through once still shows beside a car parked all along.
 */
final class TrackHeatmap {

    static final int COLUMNS = 64;

    /** One camera's grid, sized from its first frame. */
    private static final class Grid {
        final int width;
        final int height;
        final int rows;
        final long[] cells;
        long frames;
        long objects;

        Grid(int width, int height) {
            this.width = width;
            this.height = height;
            this.rows = Math.max(1, (int) Math.round((double) COLUMNS * height / width));
            this.cells = new long[COLUMNS * rows];
        }
    }

    private final Map<String, Grid> grids = new TreeMap<>();

    void accept(JsonNode frame) {
        int width = frame.path("width").asInt();
        int height = frame.path("height").asInt();
        if (width <= 0 || height <= 0) {
            return;
        }
        Grid grid = grids.computeIfAbsent(frame.path("camera_id").asText(), c -> new Grid(width, height));
        grid.frames++;
        for (JsonNode object : frame.path("objects")) {
            JsonNode box = object.path("box");
            if (box.size() != 4) {
                continue;
            }
            // A frame of another size (a camera that changed resolution) is placed by proportion.
            double x = (box.get(0).asDouble() + box.get(2).asDouble()) / 2 / width;
            double y = box.get(3).asDouble() / height;
            int column = Math.min(COLUMNS - 1, Math.max(0, (int) Math.floor(x * COLUMNS)));
            int row = Math.min(grid.rows - 1, Math.max(0, (int) Math.floor(y * grid.rows)));
            grid.cells[row * COLUMNS + column]++;
            grid.objects++;
        }
    }

    Set<String> cameras() {
        return grids.keySet();
    }

    long frames(String camera) {
        return grids.get(camera).frames;
    }

    long objects(String camera) {
        return grids.get(camera).objects;
    }

    /**
     * The heat map of {@code camera} in the frame's own pixel coordinates, over {@code background} (an image
     * URI of the camera's picture, or {@code null}).
     */
    String svg(String camera, String background) {
        Grid grid = grids.get(camera);
        long most = 1;
        for (long cell : grid.cells) {
            most = Math.max(most, cell);
        }
        double cellWidth = (double) grid.width / COLUMNS;
        double cellHeight = (double) grid.height / grid.rows;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart-svg heatmap\" data-kind=\"heatmap\" viewBox=\"0 0 ").append(grid.width)
                .append(' ').append(grid.height).append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<rect class=\"frame\" width=\"").append(grid.width).append("\" height=\"").append(grid.height)
                .append("\"/>");
        if (background != null) {
            svg.append("<image class=\"background\" href=\"").append(background).append("\" width=\"")
                    .append(grid.width).append("\" height=\"").append(grid.height)
                    .append("\" preserveAspectRatio=\"none\"/>");
        }
        for (int row = 0; row < grid.rows; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                long count = grid.cells[row * COLUMNS + column];
                if (count == 0) {
                    continue;
                }
                double t = Math.log1p(count) / Math.log1p(most);
                svg.append("<rect class=\"cell\" x=\"").append(Markup.num(column * cellWidth)).append("\" y=\"")
                        .append(Markup.num(row * cellHeight)).append("\" width=\"").append(Markup.num(cellWidth + 0.3))
                        .append("\" height=\"").append(Markup.num(cellHeight + 0.3)).append("\" fill=\"")
                        .append(Palette.heat(t)).append("\" fill-opacity=\"").append(Markup.exact(0.35 + 0.55 * t))
                        .append("\"><title>").append(count).append(count == 1 ? " object-frame" : " object-frames")
                        .append(" around x ").append(Math.round((column + 0.5) * cellWidth)).append(", y ")
                        .append(Math.round((row + 0.5) * cellHeight)).append("</title></rect>");
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
