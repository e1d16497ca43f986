package dev.vigil.models.eval;

/** An axis-aligned box in COCO form: left, top, width, height, in pixels. */
public record Box(double x, double y, double width, double height) {

    public double area() {
        return width * height;
    }

    /** The box from corner coordinates. */
    public static Box fromCorners(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2 - x1, y2 - y1);
    }

    /**
     * COCO's box overlap ({@code maskApi.c bbIou}): intersection over union, or over this box's own
     * area when {@code other} is a crowd region.
     */
    public double iou(Box other, boolean otherIsCrowd) {
        double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        if (h <= 0) {
            return 0;
        }
        double intersection = w * h;
        double union = otherIsCrowd ? area() : area() + other.area() - intersection;
        return intersection / union;
    }
}
