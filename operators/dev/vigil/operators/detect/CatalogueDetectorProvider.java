package dev.vigil.operators.detect;

import dev.vigil.models.Detector;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;

/**
 * Opens the configured model (catalogue name or file) through {@link Detectors} on a TaskManager: the
 * detection stage runs only its own layer's and the models' code.
 */
final class CatalogueDetectorProvider implements DetectorProvider {

    private static final long serialVersionUID = 1L;

    private final ModelSettings settings;

    CatalogueDetectorProvider(ModelSettings settings) {
        this.settings = settings;
    }

    @Override
    public Detector open(ComputeDevice device) {
        return Detectors.open(settings, device.gpuIndex());
    }

    @Override
    public String modelKey() {
        return settings.toString();
    }
}
