package dev.vigil.models.family;

import dev.vigil.models.processing.AnchorHead;
import dev.vigil.models.processing.ChannelOrder;
import dev.vigil.models.processing.InputRecipe;
import dev.vigil.models.processing.Normalization;
import dev.vigil.models.processing.Resizing;

/**
 * YOLO-ReT (prakharg24/yoloret, TF/Keras) exported without its in-graph NMS: a YOLOv3 head at
 * strides 32, 16, 8 with the YOLOv3 anchors 10,13 16,30 33,23 30,61 62,45 59,119 116,90 156,198
 * 373,326 (masks 6,7,8 / 3,4,5 / 0,1,2, coarse to fine), heads NHWC as Keras writes them or NCHW
 * after a conversion. Input: letterboxed with grey 128 as the Keras YOLOv3 {@code letterbox_image}
 * does (Vigil's letterbox centres the content the same way; its rounding may differ by one pixel
 * from Keras' integer division), RGB, values / 255. Defaults: upstream's in-graph score 0.2, NMS
 * IoU 0.5, 100 boxes.
 */
public final class YoloRet extends AnchorYoloFamily {

    public static final YoloRet INSTANCE = new YoloRet();

    private static final int LETTERBOX_GREY = 128;

    private YoloRet() {
        super("yolo-ret", new Thresholds(0.2f, 0.5f, 100), AnchorHead.fromMasks(
                anchors(10, 13, 16, 30, 33, 23, 30, 61, 62, 45, 59, 119, 116, 90, 156, 198, 373, 326),
                new int[][] {{6, 7, 8}, {3, 4, 5}, {0, 1, 2}}, new int[] {32, 16, 8}, 1f));
    }

    @Override
    public InputRecipe inputRecipe(int width, int height) {
        return new InputRecipe(width, height, Resizing.letterbox(LETTERBOX_GREY), ChannelOrder.RGB,
                Normalization.unitRange());
    }
}
