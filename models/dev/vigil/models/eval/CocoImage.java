package dev.vigil.models.eval;

/** One entry of a COCO file's {@code images} list. */
public record CocoImage(long id, String fileName, int width, int height) {}
