package dev.vigil.models.processing;

import java.util.List;

/**
 * Decoder for GFL-style dense heads exported as {@code [batch, priors, classes + 4 * (regMax + 1)]}:
 * per prior, class probabilities (sigmoid applied, no objectness) followed by left/top/right/bottom
 * distance distributions ({@link Dfl}). Box = prior point minus/plus the distances times the
 * prior's stride, clipped to the input. Score = best class probability.
 */
public final class DflRowsDecoder implements OutputDecoder {

    private final int outputIndex;
    private final int classCount;
    private final int bins;
    private final FeatureGrid priors;
    private final float inputWidth;
    private final float inputHeight;

    public DflRowsDecoder(int outputIndex, int classCount, int regMax, FeatureGrid priors, int inputWidth,
            int inputHeight) {
        this.outputIndex = outputIndex;
        this.classCount = classCount;
        this.bins = regMax + 1;
        this.priors = priors;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
    }

    @Override
    public void decode(List<OutputTensor> outputs, int image, float scoreThreshold, Candidates into) {
        int columns = classCount + 4 * bins;
        OutputTensor tensor = outputs.get(outputIndex).requireRows(priors.size(), columns);
        float[] data = tensor.data();
        int base = image * tensor.valuesPerImage();
        for (int prior = 0; prior < priors.size(); prior++) {
            int r = base + prior * columns;
            int best = 0;
            float bestScore = data[r];
            for (int c = 1; c < classCount; c++) {
                if (data[r + c] > bestScore) {
                    bestScore = data[r + c];
                    best = c;
                }
            }
            if (bestScore <= scoreThreshold) {
                continue;
            }
            int distances = r + classCount;
            float stride = priors.stride(prior);
            float left = Dfl.expectedBin(data, distances, bins) * stride;
            float top = Dfl.expectedBin(data, distances + bins, bins) * stride;
            float right = Dfl.expectedBin(data, distances + 2 * bins, bins) * stride;
            float bottom = Dfl.expectedBin(data, distances + 3 * bins, bins) * stride;
            float px = priors.x(prior);
            float py = priors.y(prior);
            into.add(best, bestScore,
                    clamp(px - left, inputWidth), clamp(py - top, inputHeight),
                    clamp(px + right, inputWidth), clamp(py + bottom, inputHeight));
        }
    }

    private static float clamp(float value, float max) {
        return Math.max(0, Math.min(max, value));
    }
}
