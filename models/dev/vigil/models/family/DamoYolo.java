package dev.vigil.models.family;

import dev.vigil.models.processing.ChannelOrder;
import dev.vigil.models.processing.CornerBoxesDecoder;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Normalization;
import dev.vigil.models.processing.OutputDecoder;
import dev.vigil.models.processing.Resizing;
import java.util.List;

/**
 * DAMO-YOLO (tinyvision/DAMO-YOLO, T/S/M/L and nano Ns/Nm/Nl) as exported by its
 * {@code tools/converter.py}: RGB frame stretched to the input size (the configs' test transform
 * does not keep the ratio), raw 0..255 float values (no mean/std); two outputs, {@code scores}
 * {@code [B, N, C]} class probabilities and {@code boxes} {@code [B, N, 4]} corners in input pixels,
 * over strides 8, 16, 32; NMS outside. The official exports fix the batch at 1, which the detector
 * handles by splitting batches. Defaults: the demo's {@code --conf 0.6}, the configs' NMS IoU 0.7,
 * 100 boxes.
 */
public final class DamoYolo extends ModelFamily {

    public static final DamoYolo INSTANCE = new DamoYolo();

    private DamoYolo() {
        super("damo-yolo", new Thresholds(0.6f, 0.7f, 100));
    }

    @Override
    public InputRecipe inputRecipe(int width, int height) {
        return new InputRecipe(width, height, Resizing.stretch(), ChannelOrder.RGB,
                Normalization.meanStd(new float[] {0, 0, 0}, new float[] {1, 1, 1}));
    }

    @Override
    public OutputDecoder outputDecoder(int width, int height, int classCount) {
        return new CornerBoxesDecoder(classCount, 1, 1);
    }

    @Override
    protected List<List<TensorShape>> outputLayouts(int width, int height, int classCount) {
        long rows = denseRows(width, height, 8, 16, 32);
        return List.of(List.of(TensorShape.of(-1, rows, classCount), TensorShape.of(-1, rows, 4)));
    }

    @Override
    public int classCount(List<TensorShape> outputs) {
        if (outputs.size() != 2 || outputs.get(0).rank() != 3 || outputs.get(1).rank() != 3) {
            return -1;
        }
        // The boxes are the output with 4 columns; with two such (a 4-class model) take the name.
        TensorShape first = outputs.get(0);
        TensorShape second = outputs.get(1);
        boolean firstIsBoxes = first.dim(2) == 4 && (second.dim(2) != 4 || "boxes".equals(first.name()));
        TensorShape scores = firstIsBoxes ? second : first;
        TensorShape boxes = firstIsBoxes ? first : second;
        return boxes.dim(2) == 4 && scores.dim(2) > 0 ? Math.toIntExact(scores.dim(2)) : -1;
    }
}
