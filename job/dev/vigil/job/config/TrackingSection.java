package dev.vigil.job.config;

import dev.vigil.models.ModelCatalogue;
import dev.vigil.operators.track.TrackerSettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
        if (config.isSet(VigilOptions.TRACKING_BUFFER) && config.isSet(VigilOptions.TRACKING_BUFFER_FRAMES)) {
            throw new IllegalArgumentException(VigilOptions.TRACKING_BUFFER_FRAMES.key() + ": give the lost-track buffer "
                    + "once, as " + VigilOptions.TRACKING_BUFFER.key() + " (a duration) or as frames at 30 fps, not both");
        }
        double bufferSeconds = config.isSet(VigilOptions.TRACKING_BUFFER_FRAMES)
                ? config.get(VigilOptions.TRACKING_BUFFER_FRAMES) / TrackerSettings.DEFAULT_FRAME_RATE
                : config.get(VigilOptions.TRACKING_BUFFER).toMillis() / 1000.0;
        return TrackerSettings.FOR_VIGIL_DETECTORS.toBuilder()
                .highScoreThreshold(config.get(VigilOptions.TRACKING_HIGH_THRESHOLD).floatValue())
                .lowScoreThreshold(config.get(VigilOptions.TRACKING_LOW_THRESHOLD).floatValue())
                .newTrackThreshold(config.get(VigilOptions.TRACKING_NEW_TRACK_THRESHOLD).floatValue())
                .matchCostThreshold(1f - config.get(VigilOptions.TRACKING_MATCH_IOU).floatValue())
                .trackBufferSeconds(bufferSeconds)
                .frameRate(config.get(VigilOptions.TRACKING_FRAME_RATE))
                .observationCentric(config.get(VigilOptions.TRACKING_OBSERVATION_CENTRIC))
                .momentumWeight(config.get(VigilOptions.TRACKING_MOMENTUM_WEIGHT).floatValue())
                .momentumSeconds(config.get(VigilOptions.TRACKING_MOMENTUM_WINDOW).toMillis() / 1000.0)
                .bufferScale(config.get(VigilOptions.TRACKING_BUFFERED_IOU).floatValue())
                .cameraMotion(config.get(VigilOptions.TRACKING_CAMERA_MOTION).equals("auto"))
                .calibratedStart(config.get(VigilOptions.TRACKING_CALIBRATED_START))
                .minConfirmHits(config.get(VigilOptions.TRACKING_MIN_HITS).intValue())
                .classAware(config.get(VigilOptions.TRACKING_CLASS_AWARE))
                .reorderFrames(config.get(VigilOptions.TRACKING_REORDER_FRAMES).intValue())
                .reorderWaitMillis(config.get(VigilOptions.TRACKING_REORDER_WAIT).toMillis())
                .idleTimeoutMillis(config.get(VigilOptions.TRACKING_IDLE_TIMEOUT).toMillis())
                .build();
    }

    /**
     * The classes {@code output.mot-classes} names (each one of the COCO class names, as analytics classes are), or
     * null for all; each unknown name is a problem, with a did-you-mean.
     */
    public static Set<String> motClasses(VigilConfig config, List<String> problems) {
        if (!config.isSet(VigilOptions.OUTPUT_MOT_CLASSES)) {
            return null;
        }
        Set<String> classes = new LinkedHashSet<>();
        for (String name : config.get(VigilOptions.OUTPUT_MOT_CLASSES)) {
            if (ModelCatalogue.COCO_CLASSES.contains(name)) {
                classes.add(name);
            } else {
                String hint = NearestName.to(name, ModelCatalogue.COCO_CLASSES)
                        .map(known -> " (did you mean " + known + "?)").orElse("");
                problems.add(VigilOptions.OUTPUT_MOT_CLASSES.key() + ": '" + name + "' is not a class of the model" + hint);
            }
        }
        return classes;
    }
}
