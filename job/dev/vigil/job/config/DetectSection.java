package dev.vigil.job.config;

import dev.vigil.operators.detect.BatchingSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.FramePolicy;

import java.util.List;
import java.util.Locale;

/** The {@code detect} section (and {@code input.frame-policy}) as the detection stage's settings. */
public final class DetectSection {

    private DetectSection() {}

    /**
     * The detection stage's settings for an input of {@code cameras} cameras whose policy, unless
     * {@code input.frame-policy} is given, is {@code defaultPolicy}; tiles of the model's size are
     * {@code modelInput} (null when the model could not be checked: they are then left out).
     *
     * @param inputCameras the input's camera ids where known before the start, or null
     */
    public static DetectionSettings settings(VigilConfig config, int cameras, FramePolicy defaultPolicy,
            ImageSize modelInput, List<String> inputCameras, List<String> problems) {
        BatchingSettings batching = new BatchingSettings(
                config.get(VigilOptions.DETECT_MAX_BATCH_SIZE).intValue(),
                config.get(VigilOptions.DETECT_MAX_WAIT),
                config.get(VigilOptions.DETECT_SLOTS_PER_DEVICE).intValue());
        int capacity = config.get(VigilOptions.DETECT_CAPACITY).intValue();
        FramePolicy policy = config.isGiven(VigilOptions.INPUT_FRAME_POLICY)
                ? FramePolicy.valueOf(config.get(VigilOptions.INPUT_FRAME_POLICY).toUpperCase(Locale.ROOT))
                : defaultPolicy;
        return new DetectionSettings(
                batching,
                policy,
                capacity == 0 ? DetectionSettings.defaultCapacity(batching, policy, cameras) : capacity,
                config.get(VigilOptions.DETECT_TIMEOUT),
                config.get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES),
                config.get(VigilOptions.DETECT_CHECKPOINT_JPEG_QUALITY).intValue(),
                SlicingOptions.cameraSlicing(config, modelInput, inputCameras, problems));
    }
}
