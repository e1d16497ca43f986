package dev.vigil.job.config;

import dev.vigil.operators.track.TrackerSettings;

/** The {@code tracking} section as the tracker's settings, on Vigil's detectors' defaults. */
public final class TrackingSection {

    private TrackingSection() {}

    /** @throws IllegalArgumentException when the values contradict each other (the tracker's own checks) */
    public static TrackerSettings settings(VigilConfig config) {
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
