package dev.vigil.operators.detect;

import dev.vigil.models.Detector;

import java.io.Serializable;

/**
 * Opens a detector on the TaskManager. Shipped inside the job graph, so it holds settings, never a
 * loaded model.
 */
@FunctionalInterface
public interface DetectorProvider extends Serializable {

    Detector open();
}
