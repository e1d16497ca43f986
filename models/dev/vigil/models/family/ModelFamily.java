package dev.vigil.models.family;

import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.OutputDecoder;

/**
 * A detector architecture as exported to ONNX: how a frame is turned into its input (the
 * {@link InputRecipe}), how its raw output becomes candidate boxes (the {@link OutputDecoder}) and
 * the thresholds its authors use. Everything else (batching, NMS, mapping boxes back to the frame,
 * labels) is shared, so a new family is a small subclass stating only these three things.
 */
public abstract class ModelFamily {

    private final String id;
    private final Thresholds defaults;

    protected ModelFamily(String id, Thresholds defaults) {
        this.id = id;
        this.defaults = defaults;
    }

    /** Short stable identifier, e.g. {@code nanodet-plus}. */
    public final String id() {
        return id;
    }

    /** Thresholds used when the settings leave them unset. */
    public final Thresholds defaults() {
        return defaults;
    }

    /** Pre-processing for a model of this family whose input is {@code width x height}. */
    public abstract InputRecipe inputRecipe(int width, int height);

    /** Output decoding for a model of this family whose input is {@code width x height}. */
    public abstract OutputDecoder outputDecoder(int width, int height, int classCount);

    @Override
    public String toString() {
        return id;
    }
}
