package dev.vigil.models.family;

import dev.vigil.models.processing.CenterSizeRowsDecoder;
import dev.vigil.models.processing.ChannelOrder;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Normalization;
import dev.vigil.models.processing.OutputDecoder;
import dev.vigil.models.processing.Resizing;
import java.util.List;

/**
 * YOLOv6 (meituan/YOLOv6, Lite and standard models) as exported by {@code deploy/ONNX/export_onnx.py}
 * without {@code --end2end}: letterbox with grey 114, RGB, values / 255; output
 * {@code [B, N, 5 + classes]} with decoded {@code cx, cy, w, h}, objectness and sigmoid class
 * scores. The standard models (N/S/M/L) have strides 8, 16, 32 (8400 rows at 640), the Lite models
 * add 64 (2125 rows at 320); the rows are decoded already, so only their count differs. Defaults:
 * score 0.35, upstream's class-aware NMS IoU 0.45, 300 boxes.
 */
public final class YoloV6 extends ModelFamily {

    public static final YoloV6 INSTANCE = new YoloV6();

    private static final int LETTERBOX_GREY = 114;

    private YoloV6() {
        super("yolov6", new Thresholds(0.35f, 0.45f, 300));
    }

    @Override
    public InputRecipe inputRecipe(int width, int height) {
        return new InputRecipe(width, height, Resizing.letterbox(LETTERBOX_GREY), ChannelOrder.RGB,
                Normalization.unitRange());
    }

    @Override
    public OutputDecoder outputDecoder(int width, int height, int classCount) {
        return new CenterSizeRowsDecoder(0, classCount);
    }

    @Override
    protected List<List<TensorShape>> outputLayouts(int width, int height, int classCount) {
        return List.of(
                List.of(TensorShape.of(-1, denseRows(width, height, 8, 16, 32), 5 + classCount)),
                List.of(TensorShape.of(-1, denseRows(width, height, 8, 16, 32, 64), 5 + classCount)));
    }

    @Override
    public int classCount(List<TensorShape> outputs) {
        long columns = singleRowsOutputColumns(outputs);
        return columns > 5 ? Math.toIntExact(columns - 5) : -1;
    }
}
