package dev.vigil.models;

import java.nio.file.Path;

/**
 * What a model setting resolves to, checked against the file's declared inputs and outputs but not
 * loaded for inference: for validating a job's configuration before it starts.
 *
 * @param name catalogue name, or the file name for a file outside the catalogue
 * @param file the local file
 * @param source where the file was found
 * @param family family id (decides pre/post-processing)
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param checksumVerified whether the file's SHA-256 matched the catalogue
 * @param licence licence of the weights ({@code unknown} for a file outside the catalogue)
 * @param familySource where the family came from: {@code catalogue}, {@code settings} or
 *     {@code detected from the output layout}
 * @param classCount number of classes the model detects
 * @param fixedBatch batch size the file is fixed at (larger batches are split), or 0 when dynamic
 * @param checksumNote the checksum outcome in words, e.g. {@code checksum not pinned in the
 *     catalogue: not checked}
 */
public record ModelDescription(
        String name,
        Path file,
        String source,
        String family,
        int inputWidth,
        int inputHeight,
        boolean checksumVerified,
        String licence,
        String familySource,
        int classCount,
        int fixedBatch,
        String checksumNote) {

    @Override
    public String toString() {
        return name + " (" + family + (ResolvedModel.FROM_CATALOGUE.equals(familySource) ? "" : " " + familySource)
                + ", " + inputWidth + "x" + inputHeight + ", " + classCount + " classes"
                + (fixedBatch > 0 ? ", batch fixed at " + fixedBatch : "") + ", " + licence + ") from " + source + ", "
                + checksumNote;
    }
}
