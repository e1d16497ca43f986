package dev.vigil.models;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which model to run and how: everything a TaskManager needs to locate, verify and load it. Plain
 * strings and numbers only, so it travels inside the job graph.
 *
 * @param name catalogue name (e.g. {@code nanodet-plus-m-320}); with {@code path} set, may be null
 * @param path explicit model file, or null to look it up by name
 * @param modelDir directory of downloaded models, or null for the default
 * @param mirrorDir directory laid out like the model mirror (family folder / file), or null for the
 *     {@code VIGIL_MODEL_MIRROR} environment variable / {@code vigil.models.mirror} property
 * @param scoreThreshold minimum score of a kept detection, or NaN for the family's default
 * @param iouThreshold IoU above which NMS suppresses a box of the same class, or NaN for the default
 * @param maxDetections most detections kept per image, or 0 for the default
 * @param intraOpThreads ONNX Runtime intra-op threads, or 0 for the runtime's default
 */
public record ModelSettings(
        String name,
        String path,
        String modelDir,
        String mirrorDir,
        float scoreThreshold,
        float iouThreshold,
        int maxDetections,
        int intraOpThreads)
        implements Serializable {

    public ModelSettings {
        if (name == null && path == null) {
            throw new IllegalArgumentException("a model needs a catalogue name or a file path");
        }
    }

    /** The catalogue model {@code name} with every other setting at its default. */
    public static ModelSettings named(String name) {
        return new ModelSettings(Objects.requireNonNull(name), null, null, null, Float.NaN, Float.NaN, 0, 0);
    }

    public ModelSettings withPath(Path file) {
        return new ModelSettings(name, file.toString(), modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads);
    }

    public ModelSettings withMirrorDir(Path dir) {
        return new ModelSettings(name, path, modelDir, dir.toString(), scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads);
    }

    public ModelSettings withModelDir(Path dir) {
        return new ModelSettings(name, path, dir.toString(), mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads);
    }

    public ModelSettings withThresholds(float score, float iou, int max) {
        return new ModelSettings(name, path, modelDir, mirrorDir, score, iou, max, intraOpThreads);
    }

    public ModelSettings withIntraOpThreads(int threads) {
        return new ModelSettings(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, threads);
    }
}
