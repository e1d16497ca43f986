package dev.vigil.models.eval;

/** One entry of a COCO results file: a detection in COCO's category ids and box form. */
public record CocoDetection(long imageId, int categoryId, Box bbox, double score) {}
