package dev.vigil.models;

import dev.vigil.models.family.ModelFamily;
import dev.vigil.models.family.Thresholds;
import java.nio.file.Path;

/**
 * Entry point for running detectors: {@link #check} validates settings without loading anything,
 * {@link #open} gives a {@link Detector} handle. Handles for the same model file and thread settings
 * share one loaded model per JVM; each handle has its own predictor, so use one handle per thread.
 */
public final class Detectors {

    private Detectors() {}

    /**
     * Resolves and verifies the model file without loading it.
     *
     * @throws ModelException (one of its subclasses) saying what is wrong and how to fix it
     */
    public static ModelDescription check(ModelSettings settings) {
        LocatedModel located = new ModelLocator().locate(settings);
        CatalogueEntry entry = located.entry();
        return new ModelDescription(displayName(settings, located), located.file(), located.source(),
                entry.familyId(), entry.inputWidth(), entry.inputHeight(), located.checksumVerified(), entry.licence());
    }

    /**
     * Opens a detector handle, loading the model unless another open handle already did.
     *
     * @throws ModelException if the model cannot be found, verified or loaded
     */
    public static Detector open(ModelSettings settings) {
        LocatedModel located = new ModelLocator().locate(settings);
        CatalogueEntry entry = located.entry();
        ModelFamily family = entry.family();
        Thresholds thresholds = family.defaults()
                .overriddenBy(settings.scoreThreshold(), settings.iouThreshold(), settings.maxDetections());
        DetectionPipeline pipeline = new DetectionPipeline(
                family.inputRecipe(entry.inputWidth(), entry.inputHeight()),
                family.outputDecoder(entry.inputWidth(), entry.inputHeight(), entry.classNames().size()),
                thresholds, entry.classNames());
        Path file = located.file().toAbsolutePath().normalize();
        SharedModels.Key key = new SharedModels.Key(file, Math.max(0, settings.intraOpThreads()));
        var model = SharedModels.acquire(key);
        try {
            return new OnnxDetector(displayName(settings, located), entry.classNames(), key, model, pipeline);
        } catch (RuntimeException e) {
            SharedModels.release(key);
            throw e;
        }
    }

    /** Number of models loaded in this JVM (shared by all open handles). */
    static int loadedModelCount() {
        return SharedModels.loadedCount();
    }

    private static String displayName(ModelSettings settings, LocatedModel located) {
        return settings.name() != null ? settings.name() : located.file().getFileName().toString();
    }
}
