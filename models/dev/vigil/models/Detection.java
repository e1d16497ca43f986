package dev.vigil.models;

/**
 * One detected object: its class, confidence and box in the pixel coordinates of the image that
 * was given to the detector (not the model's input tensor).
 *
 * @param classId index into the model's class names
 * @param label the class name
 * @param score confidence in [0, 1]
 * @param x1 left edge, pixels
 * @param y1 top edge, pixels
 * @param x2 right edge, pixels
 * @param y2 bottom edge, pixels
 */
public record Detection(int classId, String label, float score, float x1, float y1, float x2, float y2) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
