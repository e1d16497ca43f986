package dev.vigil.models.processing;

import java.util.Arrays;
import java.util.List;

/**
 * Decoder for exports that already decode their boxes into two outputs: corner boxes
 * {@code [B, N, 4]} or {@code [B, N, 1, 4]} ({@code x1, y1, x2, y2}) and per-class scores
 * {@code [B, N, C]} (probabilities, objectness already folded in). Boxes are multiplied by
 * {@code boxScaleX/Y}: 1 for boxes in input pixels (DAMO-YOLO), the input size for boxes normalised
 * to 0..1 (YOLOv4 conversions). Score = best class score. The two outputs are told apart by shape,
 * not by name or order.
 */
public final class CornerBoxesDecoder implements OutputDecoder {

    private final int classCount;
    private final float boxScaleX;
    private final float boxScaleY;

    public CornerBoxesDecoder(int classCount, float boxScaleX, float boxScaleY) {
        this.classCount = classCount;
        this.boxScaleX = boxScaleX;
        this.boxScaleY = boxScaleY;
    }

    @Override
    public void decode(List<OutputTensor> outputs, int image, float scoreThreshold, Candidates into) {
        OutputTensor boxes = null;
        OutputTensor scores = null;
        for (OutputTensor tensor : outputs) {
            long[] s = tensor.shape();
            if (boxes == null && ((s.length == 3 && s[2] == 4) || (s.length == 4 && s[2] == 1 && s[3] == 4))) {
                boxes = tensor;
            }
        }
        for (OutputTensor tensor : outputs) {
            if (tensor != boxes && tensor.shape().length == 3 && tensor.shape()[2] == classCount) {
                scores = tensor;
            }
        }
        if (boxes == null || scores == null || boxes.dim(1) != scores.dim(1)) {
            throw new IllegalStateException("model outputs " + outputs.stream()
                    .map(o -> o.name() + " " + Arrays.toString(o.shape())).toList() + " are not boxes [batch, N, 4]"
                    + " (or [batch, N, 1, 4]) and scores [batch, N, " + classCount + "]: is this file really of the"
                    + " model family it was configured as?");
        }
        int rows = scores.dim(1);
        float[] s = scores.data();
        float[] b = boxes.data();
        int scoreBase = image * scores.valuesPerImage();
        int boxBase = image * boxes.valuesPerImage();
        for (int row = 0; row < rows; row++) {
            int r = scoreBase + row * classCount;
            int best = 0;
            float bestScore = s[r];
            for (int c = 1; c < classCount; c++) {
                if (s[r + c] > bestScore) {
                    bestScore = s[r + c];
                    best = c;
                }
            }
            if (bestScore <= scoreThreshold) {
                continue;
            }
            int box = boxBase + row * 4;
            into.add(best, bestScore, b[box] * boxScaleX, b[box + 1] * boxScaleY, b[box + 2] * boxScaleX,
                    b[box + 3] * boxScaleY);
        }
    }
}
