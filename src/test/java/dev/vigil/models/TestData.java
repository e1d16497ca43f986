package dev.vigil.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared test images and the model mirror are. Missing data is a failure, not a skip:
 * a green build must mean the detectors really ran.
 */
final class TestData {

    static {
        // Tests must never reach the internet, whatever the build sets.
        System.setProperty(ModelLocator.DOWNLOAD_PROPERTY, "false");
    }

    private TestData() {}

    static Path image(String name) {
        Path images = directory("vigil.data.dir", "VIGIL_DATA_DIR").resolve("images");
        Path file = images.resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("test image " + file + " is missing: set -Dvigil.data.dir (or VIGIL_DATA_DIR) to the shared data"
                    + " directory that holds images/" + name);
        }
        return file;
    }

    static Path mirror() {
        Path mirror = directory(ModelLocator.MIRROR_PROPERTY, ModelLocator.MIRROR_ENV);
        if (!Files.isDirectory(mirror.resolve("nanodet-plus")) || !Files.isDirectory(mirror.resolve("yolov6"))) {
            fail("model mirror " + mirror + " lacks nanodet-plus/ or yolov6/: set -Dvigil.models.mirror or "
                    + "VIGIL_MODEL_MIRROR to the shared models directory");
        }
        return mirror;
    }

    /** Settings for a catalogue model from the mirror only (no model dir hit, no downloads). */
    static ModelSettings fromMirror(String name, Path emptyModelDir) {
        return ModelSettings.named(name).withMirrorDir(mirror()).withModelDir(emptyModelDir);
    }

    private static Path directory(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        if (value == null || value.isBlank()) {
            fail("neither -D" + property + " nor " + environment + " is set: point one at the shared data");
        }
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            fail(dir + " (from -D" + property + " / " + environment + ") is not a directory");
        }
        return dir;
    }
}
