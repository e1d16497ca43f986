package dev.vigil.models.processing;

import java.util.Arrays;

/**
 * One YOLO detection head of an anchor-based model (YOLOv3 / YOLOv4 / YOLO-ReT): its stride and the
 * anchor boxes (width, height in input pixels) it predicts offsets for, plus darknet's
 * {@code scale_x_y} (1 for plain YOLOv3: {@code xy = (sigmoid(t) + cell) * stride}; above 1 the
 * sigmoid is stretched around the cell centre: {@code sigmoid(t) * s - (s - 1) / 2}).
 *
 * @param stride input pixels per grid cell
 * @param anchors {@code w0, h0, w1, h1, ...} in input pixels
 * @param scaleXY darknet's {@code scale_x_y}
 */
public record AnchorHead(int stride, float[] anchors, float scaleXY) {

    public AnchorHead {
        if (stride <= 0 || anchors.length == 0 || anchors.length % 2 != 0) {
            throw new IllegalArgumentException("a head needs a positive stride and (w, h) anchor pairs");
        }
        anchors = anchors.clone();
    }

    /**
     * The heads of a darknet-style model: {@code anchors} is the model's whole anchor list, each
     * {@code masks[i]} the anchor indices of the head at {@code strides[i]}.
     */
    public static AnchorHead[] fromMasks(float[] anchors, int[][] masks, int[] strides, float scaleXY) {
        AnchorHead[] heads = new AnchorHead[strides.length];
        for (int i = 0; i < strides.length; i++) {
            float[] own = new float[masks[i].length * 2];
            for (int a = 0; a < masks[i].length; a++) {
                own[2 * a] = anchors[2 * masks[i][a]];
                own[2 * a + 1] = anchors[2 * masks[i][a] + 1];
            }
            heads[i] = new AnchorHead(strides[i], own, scaleXY);
        }
        return heads;
    }

    public int anchorCount() {
        return anchors.length / 2;
    }

    public float anchorWidth(int anchor) {
        return anchors[2 * anchor];
    }

    public float anchorHeight(int anchor) {
        return anchors[2 * anchor + 1];
    }

    /** Grid cells along an input side of {@code size} pixels. */
    public int cells(int size) {
        return (size + stride - 1) / stride;
    }

    @Override
    public String toString() {
        return "stride " + stride + " anchors " + Arrays.toString(anchors) + (scaleXY == 1f ? "" : " scale_x_y " + scaleXY);
    }
}
