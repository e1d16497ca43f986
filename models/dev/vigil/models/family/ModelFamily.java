package dev.vigil.models.family;

import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.OutputDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A detector architecture as exported to ONNX: how a frame is turned into its input (the
 * {@link InputRecipe}), how its raw output becomes candidate boxes (the {@link OutputDecoder}), the
 * output layouts its exports have (for the load-time contract check and auto-detection) and the
 * thresholds its authors use. Everything else (batching, NMS, mapping boxes back to the frame,
 * labels, checking a file against the layouts) is shared, so a new family is a small subclass
 * stating only these things.
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

    /**
     * The output layouts an export of this family at {@code width x height} with
     * {@code classCount} classes may have: each layout is a set of outputs (matched in any order,
     * by shape); -1 is any size (the batch axis always).
     */
    protected abstract List<List<TensorShape>> outputLayouts(int width, int height, int classCount);

    /**
     * The number of classes a model with these outputs would have if it were of this family, or -1
     * when the outputs cannot be this family's at all.
     */
    public abstract int classCount(List<TensorShape> outputs);

    /** The single input every family takes: {@code [B, 3, height, width]} floats. */
    public TensorShape expectedInput(int width, int height) {
        return TensorShape.of(-1, 3, height, width);
    }

    /**
     * What does not fit between a model file and this family at the given size and class count:
     * empty when the file fits, else one line per problem.
     */
    public final List<String> contractProblems(ModelSignature signature, int width, int height, int classCount) {
        List<String> problems = new ArrayList<>();
        TensorShape input = expectedInput(width, height);
        if (signature.inputs().size() != 1) {
            problems.add("expected one input " + input.dimsText() + ", the file has " + signature.inputs().size());
        } else {
            TensorShape actual = signature.inputs().get(0);
            if (!input.admits(actual)) {
                problems.add("input " + actual + " is not " + input.dimsText());
            }
            if (actual.type() != null && !"FLOAT".equals(actual.type())) {
                problems.add("input " + actual + " is not float");
            }
        }
        if (matchingLayout(signature.outputs(), width, height, classCount).isEmpty()) {
            problems.add("outputs " + ModelSignature.text(signature.outputs()) + " are not "
                    + expectedOutputsText(width, height, classCount));
        }
        for (TensorShape output : signature.outputs()) {
            if (output.type() != null && !"FLOAT".equals(output.type())) {
                problems.add("output " + output + " is not float");
            }
        }
        return problems;
    }

    /** The expected outputs in words, e.g. {@code [B, 2125, 112]} or alternatives joined by "or". */
    public final String expectedOutputsText(int width, int height, int classCount) {
        return outputLayouts(width, height, classCount).stream()
                .map(layout -> layout.stream().map(TensorShape::dimsText).collect(Collectors.joining(" + ")))
                .collect(Collectors.joining(" or "));
    }

    /** The expected input and outputs in words, for error messages. */
    public final String expectedText(int width, int height, int classCount) {
        return "input " + expectedInput(width, height).dimsText() + " float; outputs "
                + expectedOutputsText(width, height, classCount);
    }

    private Optional<List<TensorShape>> matchingLayout(List<TensorShape> outputs, int width, int height,
            int classCount) {
        return outputLayouts(width, height, classCount).stream()
                .filter(layout -> layout.size() == outputs.size() && assignable(layout, outputs, 0, new boolean[outputs.size()]))
                .findFirst();
    }

    /** Whether expected[from..] can each be matched to a distinct unused actual output. */
    private static boolean assignable(List<TensorShape> expected, List<TensorShape> actual, int from, boolean[] used) {
        if (from == expected.size()) {
            return true;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!used[i] && expected.get(from).admits(actual.get(i))) {
                used[i] = true;
                if (assignable(expected, actual, from + 1, used)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    /** Prior points of a dense head over the given strides: {@code sum(ceil(W/s) * ceil(H/s))}. */
    protected static long denseRows(int width, int height, int... strides) {
        long rows = 0;
        for (int s : strides) {
            rows += (long) ((width + s - 1) / s) * ((height + s - 1) / s);
        }
        return rows;
    }

    /** The last dimension of the single rank-3 output, or -1 when there is not exactly one such output. */
    protected static long singleRowsOutputColumns(List<TensorShape> outputs) {
        return outputs.size() == 1 && outputs.get(0).rank() == 3 ? outputs.get(0).dim(2) : -1;
    }

    @Override
    public String toString() {
        return id;
    }
}
