package dev.vigil.models;

import java.nio.file.Path;

/**
 * A model file ready to load.
 *
 * @param file the local file
 * @param entry the catalogue entry that says how to run it
 * @param source where it was found, e.g. {@code mirror /srv/models/yolov6/yolov6lite_s.onnx}
 * @param checksumVerified whether its SHA-256 was checked against the catalogue (false only for an
 *     explicit path to a file that is not a catalogue file, such as a fine-tuned model)
 */
public record LocatedModel(Path file, CatalogueEntry entry, String source, boolean checksumVerified) {}
