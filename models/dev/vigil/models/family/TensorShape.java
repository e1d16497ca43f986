package dev.vigil.models.family;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model input or output as the model file declares it, or as a family expects it: name, element
 * type and dimensions, where -1 is a dimension of any size (dynamic in a file, unconstrained in an
 * expectation).
 *
 * @param name tensor name, or null in an expectation (families match outputs by shape, not name)
 * @param type element type as ONNX Runtime names it, e.g. {@code FLOAT}; null in an expectation
 */
public record TensorShape(String name, String type, long[] dims) {

    public TensorShape {
        dims = dims.clone();
    }

    /** An expected tensor of these dimensions (-1 = any). */
    public static TensorShape of(long... dims) {
        return new TensorShape(null, null, dims);
    }

    public int rank() {
        return dims.length;
    }

    public long dim(int axis) {
        return dims[axis];
    }

    /** Whether an actual tensor fits this expectation: same rank, each fixed dimension equal. */
    public boolean admits(TensorShape actual) {
        if (actual.rank() != rank()) {
            return false;
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] >= 0 && actual.dims[i] >= 0 && dims[i] != actual.dims[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code [1, 3, 320, 320]}, with {@code B} for an unconstrained leading batch dimension. */
    public String dimsText() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            text.append(i > 0 ? ", " : "").append(dims[i] >= 0 ? Long.toString(dims[i]) : i == 0 ? "B" : "?");
        }
        return text.append(']').toString();
    }

    @Override
    public String toString() {
        return (name == null ? "" : "'" + name + "' ") + dimsText() + (type == null ? "" : " " + type.toLowerCase());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && Objects.equals(name, t.name) && Objects.equals(type, t.type)
                && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(dims));
    }
}
