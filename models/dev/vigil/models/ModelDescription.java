package dev.vigil.models;

import java.nio.file.Path;

/**
 * What a model setting resolves to, checked but not loaded: for validating a job's configuration
 * before it starts.
 *
 * @param name catalogue name
 * @param file the verified local file
 * @param source where the file was found
 * @param family family id (decides pre/post-processing)
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param checksumVerified whether the file's SHA-256 matched the catalogue
 * @param licence licence of the weights
 */
public record ModelDescription(
        String name,
        Path file,
        String source,
        String family,
        int inputWidth,
        int inputHeight,
        boolean checksumVerified,
        String licence) {

    @Override
    public String toString() {
        return name + " (" + family + ", " + inputWidth + "x" + inputHeight + ", " + licence + ") from " + source
                + (checksumVerified ? ", sha256 verified" : ", not a catalogue file: checksum not checked");
    }
}
