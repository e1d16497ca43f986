package dev.vigil.models.processing;

/** Channel order a model expects, given that frames arrive as BGR. */
public enum ChannelOrder {
    BGR(0, 1, 2),
    RGB(2, 1, 0);

    private final int[] sourceChannels;

    ChannelOrder(int... sourceChannels) {
        this.sourceChannels = sourceChannels;
    }

    /** Index of the BGR byte (0 = B, 1 = G, 2 = R) that feeds input channel {@code inputChannel}. */
    public int sourceChannel(int inputChannel) {
        return sourceChannels[inputChannel];
    }
}
