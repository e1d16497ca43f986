package dev.vigil.models.eval;

/**
 * One ground-truth object of a COCO file.
 *
 * @param bbox {@code [x, y, width, height]} in pixels
 * @param area the annotation's {@code area} field (segment area in COCO), which decides its area
 *     range; not the box area
 * @param crowd {@code iscrowd = 1}: a region of many objects, never a miss, never a false positive
 */
public record CocoAnnotation(long id, long imageId, int categoryId, Box bbox, double area, boolean crowd) {}
