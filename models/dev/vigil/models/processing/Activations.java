package dev.vigil.models.processing;

/** Element-wise functions the decoders apply to raw logits. */
public final class Activations {

    private Activations() {}

    public static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
