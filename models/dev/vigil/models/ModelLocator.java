package dev.vigil.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Finds a verified local copy of the model that {@link ModelSettings} ask for. Places, in order:
 *
 * <ol>
 *   <li>the explicit {@code path}, if set (then nothing else is tried);
 *   <li>the model dir: {@code modelDir}, else {@code $VIGIL_MODEL_DIR}, else
 *       {@code ~/.cache/vigil/models};
 *   <li>the mirror: {@code mirrorDir}, else {@code -Dvigil.models.mirror}, else
 *       {@code $VIGIL_MODEL_MIRROR}; as {@code <mirror>/<family folder>/<file>} or
 *       {@code <mirror>/<file>};
 *   <li>a download of the catalogue's URL into the model dir (to a temporary file, verified, then
 *       moved into place atomically), unless {@code -Dvigil.models.download=false} or
 *       {@code VIGIL_MODEL_DOWNLOAD=false}.
 * </ol>
 *
 * Catalogue files are checked against the catalogue's SHA-256 (where one is pinned) wherever they are found; a mismatch
 * is an error, not a reason to try the next place, so a corrupt or wrong file never runs silently.
 */
public final class ModelLocator {

    static final String DOWNLOAD_PROPERTY = "vigil.models.download";
    static final String MIRROR_PROPERTY = "vigil.models.mirror";
    static final String MIRROR_ENV = "VIGIL_MODEL_MIRROR";
    static final String MODEL_DIR_ENV = "VIGIL_MODEL_DIR";
    static final String DOWNLOAD_ENV = "VIGIL_MODEL_DOWNLOAD";

    private final ModelCatalogue catalogue;
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> systemProperties;
    private final ModelDownloader downloader;

    /** A locator over the standard catalogue, the process environment and system properties. */
    public ModelLocator() {
        this(ModelCatalogue.standard(), System::getenv, System::getProperty, ModelDownloader.http());
    }

    ModelLocator(ModelCatalogue catalogue, UnaryOperator<String> environment, UnaryOperator<String> systemProperties,
            ModelDownloader downloader) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.environment = Objects.requireNonNull(environment);
        this.systemProperties = Objects.requireNonNull(systemProperties);
        this.downloader = Objects.requireNonNull(downloader);
    }

    /**
     * @throws UnknownModelException the name is not in the catalogue
     * @throws ModelNotFoundException no place had the file; the message lists each and why
     * @throws ModelChecksumException a catalogue file was found with other bytes
     */
    public LocatedModel locate(ModelSettings settings) {
        CatalogueEntry entry = entryFor(settings);
        if (settings.path() != null) {
            return explicitFile(Path.of(settings.path()), entry);
        }
        List<String> looked = new ArrayList<>();
        Path modelDir = modelDir(settings);
        Path inModelDir = modelDir.resolve(entry.fileName());
        if (Files.isRegularFile(inModelDir)) {
            return verified(inModelDir, entry, "model dir " + inModelDir);
        }
        looked.add("model dir " + inModelDir + ": not found");

        Path mirror = mirrorDir(settings);
        if (mirror == null) {
            looked.add("mirror: not configured (mirrorDir, -D" + MIRROR_PROPERTY + " and $" + MIRROR_ENV + " unset)");
        } else {
            for (Path candidate : List.of(mirror.resolve(entry.mirrorFolder()).resolve(entry.fileName()),
                    mirror.resolve(entry.fileName()))) {
                if (Files.isRegularFile(candidate)) {
                    return verified(candidate, entry, "mirror " + candidate);
                }
                looked.add("mirror " + candidate + ": not found");
            }
        }

        if (entry.downloadUrl() == null) {
            looked.add("download: upstream publishes no ONNX file of this model (weights: " + entry.upstream() + ")");
        } else if (!downloadsEnabled()) {
            looked.add("download " + entry.downloadUrl() + ": disabled (-D" + DOWNLOAD_PROPERTY + "=false or $"
                    + DOWNLOAD_ENV + "=false)");
        } else {
            try {
                return download(entry, modelDir);
            } catch (IOException e) {
                looked.add("download " + entry.downloadUrl() + ": download failed: " + e);
            }
        }
        throw new ModelNotFoundException(notFoundMessage(entry, modelDir, looked));
    }

    /**
     * The catalogue entry that says how to run the model the settings ask for, or null for a bare
     * path to a file outside the catalogue (its family then comes from the settings or its layout).
     */
    CatalogueEntry entryFor(ModelSettings settings) {
        if (settings.name() != null) {
            return catalogue.require(settings.name());
        }
        String fileName = Path.of(settings.path()).getFileName().toString();
        return catalogue.findByFileName(fileName).orElse(null);
    }

    private LocatedModel explicitFile(Path file, CatalogueEntry entry) {
        if (!Files.isRegularFile(file)) {
            throw new ModelNotFoundException("model file " + file.toAbsolutePath() + " (model.path) "
                    + (Files.exists(file) ? "is not a regular file" : "does not exist") + ". Fix model.path"
                    + (entry == null ? "." : ", or unset it to look up '" + entry.name() + "' in the model dir and mirror."));
        }
        if (!Files.isReadable(file)) {
            throw new ModelNotFoundException("model file " + file.toAbsolutePath() + " (model.path) is not readable");
        }
        // Only the catalogue's own file has a known checksum; anything else (a fine-tuned export of
        // the same architecture) is taken as given.
        if (entry != null && file.getFileName().toString().equals(entry.fileName())) {
            return verified(file, entry, "model.path " + file);
        }
        return new LocatedModel(file, entry, "model.path " + file, false);
    }

    private LocatedModel verified(Path file, CatalogueEntry entry, String source) {
        if (!entry.pinned()) {
            return new LocatedModel(file, entry, source, false);
        }
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            throw new ModelChecksumException(file.toAbsolutePath().toString(), entry.sha256(), actual,
                    "the file is corrupt or a different build; replace it with the verified " + entry.fileName()
                            + " (or, for a model of the same architecture, rename it so it is not mistaken for the"
                            + " catalogue file)");
        }
        return new LocatedModel(file, entry, source, true);
    }

    private LocatedModel download(CatalogueEntry entry, Path modelDir) throws IOException {
        Files.createDirectories(modelDir);
        Path target = modelDir.resolve(entry.fileName());
        Path partial = Files.createTempFile(modelDir, "." + entry.fileName() + ".", ".part");
        try {
            downloader.download(entry.downloadUrl(), partial);
            if (entry.pinned()) {
                String actual = sha256(partial);
                if (!actual.equalsIgnoreCase(entry.sha256())) {
                    throw new ModelChecksumException(entry.downloadUrl().toString(), entry.sha256(), actual,
                            "the download was discarded; the published file differs from the verified one, so put"
                                    + " a verified copy into " + modelDir + " or point " + MIRROR_ENV + " at a mirror");
                }
            }
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
        // The partial file was verified before it was moved into place: the move does not change it.
        return new LocatedModel(target, entry, "download " + entry.downloadUrl() + " -> " + target, entry.pinned());
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path file) {
        try {
            return Checksums.sha256(file);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private String notFoundMessage(CatalogueEntry entry, Path modelDir, List<String> looked) {
        StringBuilder message = new StringBuilder("model '").append(entry.name()).append("' (")
                .append(entry.fileName()).append(") not found. Looked at:");
        looked.forEach(place -> message.append("\n  - ").append(place));
        message.append("\nTo fix, either set model.path to the .onnx file, or set ").append(MIRROR_ENV)
                .append(" (or -D").append(MIRROR_PROPERTY).append(") to a directory holding ")
                .append(entry.mirrorFolder()).append('/').append(entry.fileName()).append(", or put ")
                .append(entry.fileName()).append(" into ").append(modelDir);
        if (entry.downloadUrl() != null) {
            message.append(" (from ").append(entry.downloadUrl()).append(')');
        }
        message.append(entry.pinned() ? "; its sha256 must be " + entry.sha256() + "." : ".");
        return message.toString();
    }

    Path modelDir(ModelSettings settings) {
        if (settings.modelDir() != null) {
            return Path.of(settings.modelDir());
        }
        String fromEnvironment = environment.apply(MODEL_DIR_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return Path.of(systemProperties.apply("user.home"), ".cache", "vigil", "models");
    }

    Path mirrorDir(ModelSettings settings) {
        if (settings.mirrorDir() != null) {
            return Path.of(settings.mirrorDir());
        }
        for (String value : new String[] {systemProperties.apply(MIRROR_PROPERTY), environment.apply(MIRROR_ENV)}) {
            if (value != null && !value.isBlank()) {
                return Path.of(value);
            }
        }
        return null;
    }

    private boolean downloadsEnabled() {
        return !"false".equalsIgnoreCase(systemProperties.apply(DOWNLOAD_PROPERTY))
                && !"false".equalsIgnoreCase(environment.apply(DOWNLOAD_ENV));
    }
}
