package dev.vigil.job.config;

import dev.vigil.operators.track.TrackerSettings;

/** The {@code tracking} section as the tracker's settings, on Vigil's detectors' defaults. */
public final class TrackingSection {

    private TrackingSection() {}

    /**
     * @throws IllegalArgumentException naming the keys when the values contradict each other, which the
     *     tracker would otherwise refuse in terms of its own fields
     */
    public static TrackerSettings settings(VigilConfig config) {
        double low = config.get(VigilOptions.TRACKING_LOW_THRESHOLD);
        double high = config.get(VigilOptions.TRACKING_HIGH_THRESHOLD);
        if (low > high) {
            throw new IllegalArgumentException(VigilOptions.TRACKING_LOW_THRESHOLD.key() + ": " + low
                    + " is above " + VigilOptions.TRACKING_HIGH_THRESHOLD.key() + " (" + high
                    + "); low-score detections are those between the two");
        }
        return TrackerSettings.FOR_VIGIL_DETECTORS.toBuilder()
                .highScoreThreshold(config.get(VigilOptions.TRACKING_HIGH_THRESHOLD).floatValue())
                .lowScoreThreshold(config.get(VigilOptions.TRACKING_LOW_THRESHOLD).floatValue())
                .newTrackThreshold(config.get(VigilOptions.TRACKING_NEW_TRACK_THRESHOLD).floatValue())
                .matchCostThreshold(1f - config.get(VigilOptions.TRACKING_MATCH_IOU).floatValue())
                .trackBufferFrames(config.get(VigilOptions.TRACKING_BUFFER_FRAMES).intValue())
                .minConfirmHits(config.get(VigilOptions.TRACKING_MIN_HITS).intValue())
                .classAware(config.get(VigilOptions.TRACKING_CLASS_AWARE))
                .reorderFrames(config.get(VigilOptions.TRACKING_REORDER_FRAMES).intValue())
                .reorderWaitMillis(config.get(VigilOptions.TRACKING_REORDER_WAIT).toMillis())
                .idleTimeoutMillis(config.get(VigilOptions.TRACKING_IDLE_TIMEOUT).toMillis())
                .build();
    }
}
