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
 * @param family family id (e.g. {@code yolov6}) for a file outside the catalogue, or null to take
 *     the catalogue's or, for a bare path, to detect it from the file's output layout
 * @param inputWidth model input width for a file outside the catalogue, or 0 for the catalogue's or
 *     the file's own fixed size
 * @param inputHeight model input height, as {@code inputWidth}
 * @param namesFile class names file (one name per line, line index = class id, e.g. darknet's
 *     {@code coco.names}), or null for the catalogue's names (or the COCO names for an 80-class file)
 */
public record ModelSettings(
        String name,
        String path,
        String modelDir,
        String mirrorDir,
        float scoreThreshold,
        float iouThreshold,
        int maxDetections,
        int intraOpThreads,
        String family,
        int inputWidth,
        int inputHeight,
        String namesFile)
        implements Serializable {

    public ModelSettings {
        if (name == null && path == null) {
            throw new IllegalArgumentException("a model needs a catalogue name or a file path");
        }
        if (inputWidth < 0 || inputHeight < 0 || (inputWidth == 0) != (inputHeight == 0)) {
            throw new IllegalArgumentException("model input size must be both positive or both unset, got "
                    + inputWidth + "x" + inputHeight);
        }
    }

    /** Settings without family, input size or names file (taken from the catalogue or the file). */
    public ModelSettings(String name, String path, String modelDir, String mirrorDir, float scoreThreshold,
            float iouThreshold, int maxDetections, int intraOpThreads) {
        this(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold, maxDetections, intraOpThreads, null, 0,
                0, null);
    }

    /** The catalogue model {@code name} with every other setting at its default. */
    public static ModelSettings named(String name) {
        return new ModelSettings(Objects.requireNonNull(name), null, null, null, Float.NaN, Float.NaN, 0, 0);
    }

    /** The model file {@code file}, its family taken from the catalogue or detected from the file. */
    public static ModelSettings file(Path file) {
        return new ModelSettings(null, file.toString(), null, null, Float.NaN, Float.NaN, 0, 0);
    }

    public ModelSettings withPath(Path file) {
        return new ModelSettings(name, file.toString(), modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, family, inputWidth, inputHeight, namesFile);
    }

    public ModelSettings withMirrorDir(Path dir) {
        return new ModelSettings(name, path, modelDir, dir.toString(), scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, family, inputWidth, inputHeight, namesFile);
    }

    public ModelSettings withModelDir(Path dir) {
        return new ModelSettings(name, path, dir.toString(), mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, family, inputWidth, inputHeight, namesFile);
    }

    public ModelSettings withThresholds(float score, float iou, int max) {
        return new ModelSettings(name, path, modelDir, mirrorDir, score, iou, max, intraOpThreads, family,
                inputWidth, inputHeight, namesFile);
    }

    public ModelSettings withIntraOpThreads(int threads) {
        return new ModelSettings(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, threads, family, inputWidth, inputHeight, namesFile);
    }

    /** Declares the family (an id such as {@code damo-yolo}) of a file outside the catalogue. */
    public ModelSettings withFamily(String familyId) {
        return new ModelSettings(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, familyId, inputWidth, inputHeight, namesFile);
    }

    /** Declares the model input size (checked against the file when it is loaded). */
    public ModelSettings withInputSize(int width, int height) {
        return new ModelSettings(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, family, width, height, namesFile);
    }

    /** Takes the class names from a file, one per line. */
    public ModelSettings withNamesFile(Path file) {
        return new ModelSettings(name, path, modelDir, mirrorDir, scoreThreshold, iouThreshold,
                maxDetections, intraOpThreads, family, inputWidth, inputHeight, file.toString());
    }
}
