package dev.vigil.sources.types;

/**
 * The name {@link dev.vigil.sources.FrameSerializer} had until version 0.1.0, kept for the savepoints
 * taken then: a savepoint names the snapshot class of each serializer in it, and the detection stage's
 * frames in flight were written with {@code dev.vigil.sources.types.FrameSerializer$Snapshot}. That
 * snapshot restores as today's serializer reading the format of that time (format 1). Nothing else belongs in this
 * package, and nothing imports it.
 */
@Deprecated
public final class FrameSerializer {

    private FrameSerializer() {}

    /** The snapshot class savepoints of version 0.1.0 name. */
    public static final class Snapshot extends dev.vigil.sources.FrameSerializer.Snapshot {}
}
