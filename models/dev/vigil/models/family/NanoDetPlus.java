package dev.vigil.models.family;

import dev.vigil.models.processing.ChannelOrder;
import dev.vigil.models.processing.DflRowsDecoder;
import dev.vigil.models.processing.FeatureGrid;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Normalization;
import dev.vigil.models.processing.OutputDecoder;
import dev.vigil.models.processing.Resizing;
import java.util.List;

/**
 * NanoDet-Plus (RangiLyu/nanodet) as exported by its {@code tools/export_onnx.py}: BGR frame
 * stretched to the input size (upstream's val pipeline uses {@code keep_ratio: False}), ImageNet
 * mean/std in BGR order on 0..255 values; output {@code [B, N, classes + 4*8]} with sigmoid
 * scores and DFL box logits ({@code reg_max = 7}) over strides 8, 16, 32, 64, priors at the cells'
 * top-left corners. Defaults: the demo's score 0.35, {@code multiclass_nms} IoU 0.6, 100 boxes.
 */
public final class NanoDetPlus extends ModelFamily {

    public static final NanoDetPlus INSTANCE = new NanoDetPlus();

    private static final int REG_MAX = 7;
    private static final int DFL_COLUMNS = 4 * (REG_MAX + 1);
    private static final int[] STRIDES = {8, 16, 32, 64};

    private NanoDetPlus() {
        super("nanodet-plus", new Thresholds(0.35f, 0.6f, 100));
    }

    @Override
    public InputRecipe inputRecipe(int width, int height) {
        return new InputRecipe(width, height, Resizing.stretch(), ChannelOrder.BGR,
                Normalization.meanStd(new float[] {103.53f, 116.28f, 123.675f}, new float[] {57.375f, 57.12f, 58.395f}));
    }

    @Override
    public OutputDecoder outputDecoder(int width, int height, int classCount) {
        return new DflRowsDecoder(0, classCount, REG_MAX, FeatureGrid.of(width, height, 0f, STRIDES), width, height);
    }

    @Override
    protected List<List<TensorShape>> outputLayouts(int width, int height, int classCount) {
        return List.of(List.of(TensorShape.of(-1, denseRows(width, height, STRIDES), classCount + DFL_COLUMNS)));
    }

    @Override
    public int classCount(List<TensorShape> outputs) {
        long columns = singleRowsOutputColumns(outputs);
        return columns > DFL_COLUMNS ? Math.toIntExact(columns - DFL_COLUMNS) : -1;
    }
}
