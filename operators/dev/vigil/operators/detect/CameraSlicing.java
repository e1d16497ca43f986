package dev.vigil.operators.detect;

import dev.vigil.models.Slicing;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which cameras' frames are sliced for detection, and how ({@code detect.slicing}): a drone's 4K frames and a
 * doorway camera's VGA frames want different tiles, so every camera may have its own {@link Slicing}, and the
 * rest share one (or none).
 */
public final class CameraSlicing implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No camera is sliced. */
    public static final CameraSlicing NONE = new CameraSlicing(null, Map.of());

    private final Slicing others;
    // A HashMap, because a camera may be set to null: not sliced, whatever the others do.
    private final HashMap<String, Slicing> cameras;

    /**
     * @param others the slicing of every camera not in {@code cameras}, or null for one pass over the whole frame
     * @param cameras slicing by camera id; a null value turns slicing off for that camera
     */
    public CameraSlicing(Slicing others, Map<String, Slicing> cameras) {
        this.others = others;
        this.cameras = new HashMap<>(Objects.requireNonNull(cameras, "cameras"));
    }

    /** The slicing of {@code cameraId}'s frames, or null when they go to the model whole. */
    public Slicing forCamera(String cameraId) {
        return cameras.containsKey(cameraId) ? cameras.get(cameraId) : others;
    }

    /** Whether any camera is sliced. */
    public boolean any() {
        return others != null || cameras.values().stream().anyMatch(Objects::nonNull);
    }

    @Override
    public String toString() {
        return "CameraSlicing{others=" + others + ", cameras=" + cameras + "}";
    }
}
