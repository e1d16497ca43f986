package dev.vigil.models.family;

import dev.vigil.models.processing.AnchorHead;
import dev.vigil.models.processing.ChannelOrder;
import dev.vigil.models.processing.CornerBoxesDecoder;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Normalization;
import dev.vigil.models.processing.OutputDecoder;
import dev.vigil.models.processing.Resizing;
import java.util.ArrayList;
import java.util.List;

/**
 * Scaled-YOLOv4 / YOLOv4-tiny (AlexeyAB/darknet {@code yolov4-tiny.cfg}): two YOLO heads, stride 32
 * (mask 3,4,5) and stride 16 (mask 1,2,3), anchors 10,14 23,27 37,58 81,82 135,169 344,319,
 * {@code scale_x_y = 1.05}. Input RGB, values / 255, stretched to the input size: darknet's
 * default for this cfg is {@code letter_box=0} (a plain resize), as is the common ONNX conversion's
 * demo. Two export layouts are accepted:
 *
 * <ul>
 *   <li>raw heads, {@code [B, 3*(5+C), H/32, W/32]} and {@code [B, 3*(5+C), H/16, W/16]}, decoded
 *       here (sigmoid objectness x sigmoid class);
 *   <li>the common converted layout, {@code boxes [B, N, 1, 4]} (corners normalised to 0..1) and
 *       {@code confs [B, N, C]} (objectness x class already), {@code N = 3 * (cells32 + cells16)}.
 * </ul>
 *
 * Defaults: darknet's detector threshold 0.25, NMS 0.45, 100 boxes.
 */
public final class YoloV4Tiny extends AnchorYoloFamily {

    public static final YoloV4Tiny INSTANCE = new YoloV4Tiny();

    private YoloV4Tiny() {
        super("yolov4-tiny", new Thresholds(0.25f, 0.45f, 100), AnchorHead.fromMasks(
                anchors(10, 14, 23, 27, 37, 58, 81, 82, 135, 169, 344, 319),
                new int[][] {{3, 4, 5}, {1, 2, 3}}, new int[] {32, 16}, 1.05f));
    }

    @Override
    public InputRecipe inputRecipe(int width, int height) {
        return new InputRecipe(width, height, Resizing.stretch(), ChannelOrder.RGB, Normalization.unitRange());
    }

    @Override
    protected boolean allowsChannelsLast() {
        return false;
    }

    @Override
    public OutputDecoder outputDecoder(int width, int height, int classCount) {
        OutputDecoder heads = headsDecoder(width, height, classCount);
        OutputDecoder converted = new CornerBoxesDecoder(classCount, width, height);
        return (outputs, image, threshold, into) -> {
            boolean isConverted = outputs.stream().anyMatch(o -> o.shape().length == 3);
            (isConverted ? converted : heads).decode(outputs, image, threshold, into);
        };
    }

    @Override
    protected List<List<TensorShape>> outputLayouts(int width, int height, int classCount) {
        long rows = 0;
        for (AnchorHead head : heads()) {
            rows += (long) head.anchorCount() * head.cells(width) * head.cells(height);
        }
        List<List<TensorShape>> layouts = new ArrayList<>(headLayouts(width, height, classCount));
        layouts.add(List.of(TensorShape.of(-1, rows, 1, 4), TensorShape.of(-1, rows, classCount)));
        return layouts;
    }

    @Override
    public int classCount(List<TensorShape> outputs) {
        if (outputs.size() == 2) {
            for (int i = 0; i < 2; i++) {
                TensorShape boxes = outputs.get(i);
                TensorShape confs = outputs.get(1 - i);
                if (boxes.rank() == 4 && boxes.dim(2) == 1 && boxes.dim(3) == 4 && confs.rank() == 3) {
                    return confs.dim(2) > 0 ? Math.toIntExact(confs.dim(2)) : -1;
                }
            }
        }
        return headsClassCount(outputs);
    }
}
