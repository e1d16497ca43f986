package dev.vigil.models;

import java.nio.file.Path;

/**
 * A model file ready to load.
 *
 * @param file the local file
 * @param entry the catalogue entry that says how to run it, or null for a bare path to a file
 *     outside the catalogue (its family then comes from the settings or the file's layout)
 * @param source where it was found, e.g. {@code mirror /srv/models/yolov6/yolov6lite_s.onnx}
 * @param checksumVerified whether its SHA-256 was checked against the catalogue (false for a file
 *     that is not the catalogue's file, and for catalogue entries with no pinned checksum)
 */
public record LocatedModel(Path file, CatalogueEntry entry, String source, boolean checksumVerified) {

    /** Why the checksum was or was not checked, in words. */
    public String checksumNote() {
        if (checksumVerified) {
            return "sha256 verified";
        }
        if (entry == null) {
            return "not a catalogue file: checksum not checked";
        }
        if (!entry.pinned()) {
            return "checksum not pinned in the catalogue: not checked";
        }
        return "not the catalogue's file: checksum not checked";
    }
}
