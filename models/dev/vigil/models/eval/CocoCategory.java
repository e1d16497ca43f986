package dev.vigil.models.eval;

/** One entry of a COCO file's {@code categories} list (ids are COCO's own, 1..90 with gaps). */
public record CocoCategory(int id, String name) {}
