package dev.vigil.models.processing;

import java.util.List;

/**
 * Turns one image's slice of a model's raw outputs into candidate boxes in model-input pixels,
 * keeping only those scoring above the threshold. Everything after that (NMS, mapping back to the
 * source image, clipping, labels) is shared by all families.
 */
@FunctionalInterface
public interface OutputDecoder {

    void decode(List<OutputTensor> outputs, int image, float scoreThreshold, Candidates into);
}
