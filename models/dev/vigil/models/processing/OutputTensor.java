package dev.vigil.models.processing;

import java.util.Arrays;

/**
 * One model output copied out of the runtime: name, shape and row-major float data of the whole
 * batch.
 */
public record OutputTensor(String name, long[] shape, float[] data) {

    /** Size of dimension {@code axis}, as an int. */
    public int dim(int axis) {
        return Math.toIntExact(shape[axis]);
    }

    /** Floats per batch item. */
    public int valuesPerImage() {
        return data.length / dim(0);
    }

    /** Throws when the shape is not {@code [batch, rows, columns]} with the given sizes (-1 = any). */
    public OutputTensor requireRows(int rows, int columns) {
        if (shape.length != 3 || (rows >= 0 && shape[1] != rows) || (columns >= 0 && shape[2] != columns)) {
            throw new IllegalStateException("model output '" + name + "' has shape " + Arrays.toString(shape)
                    + ", expected [batch, " + (rows < 0 ? "N" : rows) + ", " + (columns < 0 ? "C" : columns)
                    + "]: is this file really of the model family it was configured as?");
        }
        return this;
    }
}
