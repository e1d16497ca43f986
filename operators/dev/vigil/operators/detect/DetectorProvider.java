package dev.vigil.operators.detect;

import dev.vigil.models.Detector;
import dev.vigil.models.ModelSettings;

import java.io.Serializable;

/**
 * Opens a detector on a TaskManager for a given device. Shipped inside the job graph, so it holds
 * settings, never a loaded model.
 */
public interface DetectorProvider extends Serializable {

    Detector open(ComputeDevice device);

    /**
     * Identifies the model this provider opens: operators whose providers have the same key share
     * one batcher (and one loaded model) per device.
     */
    String modelKey();

    /** The model {@code settings} describe (a catalogue name or a file), on the device it is given. */
    static DetectorProvider catalogue(ModelSettings settings) {
        return new CatalogueDetectorProvider(settings);
    }

    /** A provider for tests and simple wiring. */
    static DetectorProvider of(String modelKey, SerializableOpener opener) {
        return new DetectorProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public Detector open(ComputeDevice device) {
                return opener.open(device);
            }

            @Override
            public String modelKey() {
                return modelKey;
            }
        };
    }

    /** The opening part of a provider, as a lambda. */
    @FunctionalInterface
    interface SerializableOpener extends Serializable {
        Detector open(ComputeDevice device);
    }
}
