package dev.vigil.models;

import dev.vigil.models.family.ModelFamily;
import dev.vigil.models.family.Thresholds;
import java.nio.file.Path;

/**
 * Entry point for running detectors: {@link #check} validates settings and the model file's
 * contract without loading it for inference, {@link #open} gives a {@link Detector} handle. Handles
 * for the same model file and thread settings share one loaded model per JVM; each handle has its
 * own predictor, so use one handle per thread.
 */
public final class Detectors {

    /** Device index meaning "run on the CPU". */
    public static final int CPU = -1;

    private Detectors() {}

    /**
     * Resolves and verifies the model file and checks its inputs and outputs against its family.
     *
     * @throws ModelException (one of its subclasses) saying what is wrong and how to fix it; a
     *     {@link ModelContractException} when the file is not what its family expects
     */
    public static ModelDescription check(ModelSettings settings) {
        return describe(settings, ResolvedModel.resolve(settings, new ModelLocator()));
    }

    /**
     * Opens a detector handle, loading the model unless another open handle already did.
     *
     * @throws ModelException if the model cannot be found, verified or loaded, or does not fit its
     *     family ({@link ModelContractException})
     */
    public static Detector open(ModelSettings settings) {
        return open(settings, CPU);
    }

    /** {@link #open(ModelSettings)} on a device: {@link #CPU}, or a GPU's index (CUDA execution provider). */
    public static Detector open(ModelSettings settings, int gpuIndex) {
        ResolvedModel resolved = ResolvedModel.resolve(settings, new ModelLocator());
        ModelFamily family = resolved.family();
        Thresholds thresholds = family.defaults()
                .overriddenBy(settings.scoreThreshold(), settings.iouThreshold(), settings.maxDetections());
        int width = resolved.inputWidth();
        int height = resolved.inputHeight();
        DetectionPipeline pipeline = new DetectionPipeline(family.inputRecipe(width, height),
                family.outputDecoder(width, height, resolved.classNames().size()), thresholds, resolved.classNames());
        Path file = resolved.located().file().toAbsolutePath().normalize();
        SharedModels.Key key = new SharedModels.Key(file, Math.max(0, settings.intraOpThreads()), Math.max(CPU, gpuIndex));
        var model = SharedModels.acquire(key);
        try {
            return new OnnxDetector(displayName(settings, resolved.located()), resolved.classNames(), key, model,
                    pipeline, resolved.fixedBatch());
        } catch (RuntimeException e) {
            SharedModels.release(key);
            throw e;
        }
    }

    /** Number of models loaded in this JVM (shared by all open handles). */
    public static int loadedModelCount() {
        return SharedModels.loadedCount();
    }

    static ModelDescription describe(ModelSettings settings, ResolvedModel resolved) {
        LocatedModel located = resolved.located();
        CatalogueEntry entry = located.entry();
        return new ModelDescription(displayName(settings, located), located.file(), located.source(),
                resolved.family().id(), resolved.inputWidth(), resolved.inputHeight(), located.checksumVerified(),
                entry != null ? entry.licence() : "licence unknown", resolved.familySource(),
                resolved.classNames().size(), resolved.fixedBatch(), located.checksumNote());
    }

    private static String displayName(ModelSettings settings, LocatedModel located) {
        return settings.name() != null ? settings.name() : located.file().getFileName().toString();
    }
}
