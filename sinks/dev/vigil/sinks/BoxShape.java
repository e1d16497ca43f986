package dev.vigil.sinks;

/**
 * How an object's box {@code x1, y1, x2, y2} (source-frame pixels) is written. The JSON Lines
 * formats use a compact array; Elasticsearch needs an object, so that each corner is a mapped field
 * a query can range over.
 */
public enum BoxShape {
    /** {@code "box": [x1, y1, x2, y2]}, the JSON Lines format. */
    ARRAY,
    /** {@code "box": {"x1": .., "y1": .., "x2": .., "y2": ..}}. */
    OBJECT
}
