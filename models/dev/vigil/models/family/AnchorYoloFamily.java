package dev.vigil.models.family;

import dev.vigil.models.processing.AnchorGridDecoder;
import dev.vigil.models.processing.AnchorHead;
import dev.vigil.models.processing.OutputDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The common part of families whose exports end in raw anchor-based YOLO heads (YOLOv3 style): one
 * output per {@link AnchorHead}, NCHW {@code [B, A*(5+C), H/s, W/s]} or, where
 * {@link #allowsChannelsLast()}, NHWC {@code [B, H/s, W/s, A*(5+C)]}; decoded by
 * {@link AnchorGridDecoder}. A subclass states its heads, input recipe and thresholds.
 */
public abstract class AnchorYoloFamily extends ModelFamily {

    private final AnchorHead[] heads;

    protected AnchorYoloFamily(String id, Thresholds defaults, AnchorHead... heads) {
        super(id, defaults);
        this.heads = heads.clone();
    }

    /** The heads, coarse to fine. */
    public final List<AnchorHead> heads() {
        return List.of(heads);
    }

    /** Whether TF/Keras-style channels-last heads are accepted besides NCHW ones. */
    protected boolean allowsChannelsLast() {
        return true;
    }

    /** Decoder of the raw heads. */
    protected final OutputDecoder headsDecoder(int width, int height, int classCount) {
        return new AnchorGridDecoder(width, height, classCount, heads);
    }

    @Override
    public OutputDecoder outputDecoder(int width, int height, int classCount) {
        return headsDecoder(width, height, classCount);
    }

    @Override
    protected List<List<TensorShape>> outputLayouts(int width, int height, int classCount) {
        return headLayouts(width, height, classCount);
    }

    /** The NCHW (and, if allowed, NHWC) head layouts. */
    protected final List<List<TensorShape>> headLayouts(int width, int height, int classCount) {
        List<TensorShape> nchw = new ArrayList<>();
        List<TensorShape> nhwc = new ArrayList<>();
        for (AnchorHead head : heads) {
            long channels = (long) head.anchorCount() * (5 + classCount);
            nchw.add(TensorShape.of(-1, channels, head.cells(height), head.cells(width)));
            nhwc.add(TensorShape.of(-1, head.cells(height), head.cells(width), channels));
        }
        return allowsChannelsLast() ? List.of(nchw, nhwc) : List.of(nchw);
    }

    @Override
    public int classCount(List<TensorShape> outputs) {
        return headsClassCount(outputs);
    }

    /** Class count of raw heads: all outputs rank 4 with the same channel count on axis 1 (or 3). */
    protected final int headsClassCount(List<TensorShape> outputs) {
        if (outputs.size() != heads.length || outputs.stream().anyMatch(o -> o.rank() != 4)) {
            return -1;
        }
        int anchors = heads[0].anchorCount();
        for (int axis : allowsChannelsLast() ? new int[] {1, 3} : new int[] {1}) {
            long channels = outputs.get(0).dim(axis);
            boolean same = outputs.stream().allMatch(o -> o.dim(axis) == channels);
            if (same && channels > 5L * anchors && channels % anchors == 0) {
                return Math.toIntExact(channels / anchors - 5);
            }
        }
        return -1;
    }

    /** Anchor pairs as floats, for subclass constants. */
    protected static float[] anchors(int... pairs) {
        float[] anchors = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            anchors[i] = pairs[i];
        }
        return anchors;
    }

    @Override
    public String toString() {
        return id() + " " + Arrays.toString(heads);
    }
}
