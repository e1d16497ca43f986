package dev.vigil.models.family;

import java.util.List;
import java.util.stream.Collectors;

/** The inputs and outputs a model file declares, in declaration order. */
public record ModelSignature(List<TensorShape> inputs, List<TensorShape> outputs) {

    public ModelSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * Batch size the model's single image input is fixed at, or 0 when it is dynamic (or the input
     * is not image-shaped).
     */
    public int fixedBatch() {
        if (inputs.size() != 1 || inputs.get(0).rank() != 4 || inputs.get(0).dim(0) <= 0) {
            return 0;
        }
        return Math.toIntExact(inputs.get(0).dim(0));
    }

    /** Input width fixed by the file, or 0 when dynamic or not an NCHW image input. */
    public int fixedInputWidth() {
        return imageInput() && inputs.get(0).dim(3) > 0 ? Math.toIntExact(inputs.get(0).dim(3)) : 0;
    }

    /** Input height fixed by the file, or 0 when dynamic or not an NCHW image input. */
    public int fixedInputHeight() {
        return imageInput() && inputs.get(0).dim(2) > 0 ? Math.toIntExact(inputs.get(0).dim(2)) : 0;
    }

    private boolean imageInput() {
        return inputs.size() == 1 && inputs.get(0).rank() == 4 && inputs.get(0).dim(1) == 3;
    }

    @Override
    public String toString() {
        return "inputs " + text(inputs) + "; outputs " + text(outputs);
    }

    static String text(List<TensorShape> tensors) {
        return tensors.isEmpty() ? "none" : tensors.stream().map(TensorShape::toString).collect(Collectors.joining(", "));
    }
}
