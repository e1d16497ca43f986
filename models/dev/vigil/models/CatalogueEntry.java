package dev.vigil.models;

import dev.vigil.models.family.ModelFamily;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A known model file: which family decodes it, its input size, where copies live and how to
 * recognise the right bytes.
 *
 * @param name catalogue name, e.g. {@code nanodet-plus-m-320}
 * @param family pre/post-processing family
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param fileName file name in the model dir and the mirror
 * @param mirrorFolder folder of the file in the mirror ({@code <mirror>/<folder>/<file>})
 * @param sha256 SHA-256 of the verified file (the one the golden tests ran against); any copy whose
 *     bytes differ is rejected, downloads included. Null where no file is pinned (upstream
 *     publishes no ONNX, users export their own): then any file of that name is accepted and
 *     described as not checked
 * @param downloadUrl where an ONNX file of this model can be fetched, or null where upstream
 *     publishes none (a download is only kept when its SHA-256 equals {@code sha256})
 * @param upstream where the weights come from (release page or checkpoint), for provenance
 * @param licence licence of the weights
 * @param classNames class names, index = class id
 */
public record CatalogueEntry(
        String name,
        ModelFamily family,
        int inputWidth,
        int inputHeight,
        String fileName,
        String mirrorFolder,
        String sha256,
        URI downloadUrl,
        String upstream,
        String licence,
        List<String> classNames) {

    public CatalogueEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(fileName, "fileName");
        classNames = List.copyOf(classNames);
    }

    /** Whether a checksum is pinned for this model. */
    public boolean pinned() {
        return sha256 != null;
    }

    public String familyId() {
        return family.id();
    }

    public Optional<URI> download() {
        return Optional.ofNullable(downloadUrl);
    }
}
