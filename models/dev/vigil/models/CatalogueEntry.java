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
 *     bytes differ is rejected, downloads included
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
        Objects.requireNonNull(sha256, "sha256");
        classNames = List.copyOf(classNames);
    }

    public String familyId() {
        return family.id();
    }

    public Optional<URI> download() {
        return Optional.ofNullable(downloadUrl);
    }
}
