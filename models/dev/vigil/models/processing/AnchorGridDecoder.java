package dev.vigil.models.processing;

import java.util.Arrays;
import java.util.List;

/**
 * Decoder for raw anchor-based YOLO heads (YOLOv3 / YOLOv4 / YOLO-ReT): one output per head, each
 * either NCHW {@code [B, A*(5+C), H, W]} (darknet, PyTorch) or NHWC {@code [B, H, W, A*(5+C)]}
 * (TF/Keras), told apart by which axis holds the {@code A*(5+C)} channels. Per anchor the channels
 * are {@code tx, ty, tw, th, objectness, C class logits}:
 * {@code x = (sigmoid(tx) * s - (s - 1) / 2 + column) * stride}, {@code w = exp(tw) * anchorW},
 * score = sigmoid(objectness) x sigmoid(best class logit). Outputs are matched to heads by their
 * grid size, so the order the export lists them in does not matter.
 */
public final class AnchorGridDecoder implements OutputDecoder {

    private final AnchorHead[] heads;
    private final int classCount;
    private final int inputWidth;
    private final int inputHeight;

    public AnchorGridDecoder(int inputWidth, int inputHeight, int classCount, AnchorHead... heads) {
        this.heads = heads.clone();
        this.classCount = classCount;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
    }

    @Override
    public void decode(List<OutputTensor> outputs, int image, float scoreThreshold, Candidates into) {
        for (AnchorHead head : heads) {
            decodeHead(head, outputFor(head, outputs), image, scoreThreshold, into);
        }
    }

    /** Whether the tensor is a head laid out channels-first; throws when it is neither layout. */
    private boolean channelsFirst(AnchorHead head, OutputTensor tensor) {
        int channels = head.anchorCount() * (5 + classCount);
        long[] s = tensor.shape();
        int rows = head.cells(inputHeight);
        int columns = head.cells(inputWidth);
        if (s.length == 4 && s[1] == channels && s[2] == rows && s[3] == columns) {
            return true;
        }
        if (s.length == 4 && s[3] == channels && s[1] == rows && s[2] == columns) {
            return false;
        }
        throw new IllegalStateException("model output '" + tensor.name() + "' has shape " + Arrays.toString(s)
                + ", expected a head [batch, " + channels + ", " + rows + ", " + columns + "] (NCHW) or [batch, "
                + rows + ", " + columns + ", " + channels + "] (NHWC)");
    }

    private OutputTensor outputFor(AnchorHead head, List<OutputTensor> outputs) {
        for (OutputTensor tensor : outputs) {
            try {
                channelsFirst(head, tensor);
                return tensor;
            } catch (IllegalStateException notThisOne) {
                // try the next output
            }
        }
        int channels = head.anchorCount() * (5 + classCount);
        throw new IllegalStateException("no model output is the " + head + " head: expected [batch, " + channels
                + ", " + head.cells(inputHeight) + ", " + head.cells(inputWidth) + "] or its NHWC transpose, got "
                + outputs.stream().map(o -> o.name() + " " + Arrays.toString(o.shape())).toList()
                + ": is this file really of the model family it was configured as?");
    }

    private void decodeHead(AnchorHead head, OutputTensor tensor, int image, float scoreThreshold, Candidates into) {
        boolean nchw = channelsFirst(head, tensor);
        int rows = head.cells(inputHeight);
        int columns = head.cells(inputWidth);
        int fields = 5 + classCount;
        int channels = head.anchorCount() * fields;
        int plane = rows * columns;
        // Stride between consecutive channels of one cell, and between cells of one channel.
        int channelStep = nchw ? plane : 1;
        int cellStep = nchw ? 1 : channels;
        float[] data = tensor.data();
        int base = image * tensor.valuesPerImage();
        float scale = head.scaleXY();
        float shift = (scale - 1) / 2;
        float stride = head.stride();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int cell = base + (row * columns + column) * cellStep;
                for (int a = 0; a < head.anchorCount(); a++) {
                    int first = cell + a * fields * channelStep;
                    float objectness = Activations.sigmoid(data[first + 4 * channelStep]);
                    if (objectness <= scoreThreshold) {
                        continue; // score = obj x class <= obj
                    }
                    int best = 0;
                    float bestLogit = data[first + 5 * channelStep];
                    for (int c = 1; c < classCount; c++) {
                        float logit = data[first + (5 + c) * channelStep];
                        if (logit > bestLogit) {
                            bestLogit = logit;
                            best = c;
                        }
                    }
                    float score = objectness * Activations.sigmoid(bestLogit);
                    if (score <= scoreThreshold) {
                        continue;
                    }
                    float cx = (Activations.sigmoid(data[first]) * scale - shift + column) * stride;
                    float cy = (Activations.sigmoid(data[first + channelStep]) * scale - shift + row) * stride;
                    float halfW = (float) Math.exp(data[first + 2 * channelStep]) * head.anchorWidth(a) / 2;
                    float halfH = (float) Math.exp(data[first + 3 * channelStep]) * head.anchorHeight(a) / 2;
                    into.add(best, score, cx - halfW, cy - halfH, cx + halfW, cy + halfH);
                }
            }
        }
    }
}
