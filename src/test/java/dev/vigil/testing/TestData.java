package dev.vigil.testing;

import dev.vigil.models.ModelSettings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared test fixtures (real videos, images, models) are. Missing data is a failure, not a
 * skip: a green build must mean the detectors really ran on real data.
 */
public final class TestData {

    private TestData() {}

    /** A file under the data directory ({@code -Dvigil.data.dir}, default {@code ../shared/data}). */
    public static Path data(String relative) {
        return existing("vigil.data.dir", "VIGIL_DATA_DIR", relative);
    }

    /** A test photo under the data directory's {@code images/}. */
    public static Path image(String name) {
        return data("images/" + name);
    }

    /** Settings for a catalogue model found in the mirror only: an empty model directory, no download. */
    public static ModelSettings modelFromMirror(String name, Path emptyModelDir) {
        return ModelSettings.named(name).withMirrorDir(modelMirror()).withModelDir(emptyModelDir);
    }

    /** The model mirror directory ({@code -Dvigil.models.mirror}, default {@code ../shared/models}). */
    public static Path modelMirror() {
        return existing("vigil.models.mirror", "VIGIL_MODEL_MIRROR", "");
    }

    private static Path existing(String property, String env, String relative) {
        String base = System.getProperty(property, System.getenv(env));
        if (base == null) {
            throw new IllegalStateException("test fixtures not configured: set -D" + property + " or " + env);
        }
        Path path = Path.of(base).resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("test fixture missing: " + path + " (set -D" + property + " or " + env
                    + " to the shared fixtures directory)");
        }
        return path;
    }
}
