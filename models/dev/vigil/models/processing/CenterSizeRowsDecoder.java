package dev.vigil.models.processing;

import java.util.List;

/**
 * Decoder for the YOLOv5-style export layout {@code [batch, N, 5 + classes]}: rows of
 * {@code cx, cy, w, h} (already decoded, input pixels), objectness, then per-class probabilities.
 * Score = objectness x best class probability (one label per row, as upstream's default
 * {@code multi_label=False}).
 */
public final class CenterSizeRowsDecoder implements OutputDecoder {

    private final int outputIndex;
    private final int classCount;

    public CenterSizeRowsDecoder(int outputIndex, int classCount) {
        this.outputIndex = outputIndex;
        this.classCount = classCount;
    }

    @Override
    public void decode(List<OutputTensor> outputs, int image, float scoreThreshold, Candidates into) {
        OutputTensor tensor = outputs.get(outputIndex).requireRows(-1, 5 + classCount);
        int columns = 5 + classCount;
        int rows = tensor.dim(1);
        float[] data = tensor.data();
        int base = image * tensor.valuesPerImage();
        for (int row = 0; row < rows; row++) {
            int r = base + row * columns;
            float objectness = data[r + 4];
            if (objectness <= scoreThreshold) {
                continue; // score = obj x class <= obj
            }
            int best = 0;
            float bestProbability = data[r + 5];
            for (int c = 1; c < classCount; c++) {
                if (data[r + 5 + c] > bestProbability) {
                    bestProbability = data[r + 5 + c];
                    best = c;
                }
            }
            float score = objectness * bestProbability;
            if (score <= scoreThreshold) {
                continue;
            }
            float halfW = data[r + 2] / 2;
            float halfH = data[r + 3] / 2;
            into.add(best, score, data[r] - halfW, data[r + 1] - halfH, data[r] + halfW, data[r + 1] + halfH);
        }
    }
}
