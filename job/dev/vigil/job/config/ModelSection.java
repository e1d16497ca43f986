package dev.vigil.job.config;

import dev.vigil.models.ModelSettings;

import java.util.List;

/** The {@code model} section as the settings a detector opens with; its values are checked as they are read. */
public final class ModelSection {

    private ModelSection() {}

    public static ModelSettings settings(VigilConfig config, List<String> problems) {
        ModelSettings settings = config.isSet(VigilOptions.MODEL_PATH)
                // A file given without an explicit name: its family comes from the catalogue or its layout.
                ? new ModelSettings(givenModelName(config),
                        config.path(VigilOptions.MODEL_PATH, problems).toString(), null, null, Float.NaN, Float.NaN,
                        0, 0)
                : ModelSettings.named(config.get(VigilOptions.MODEL_NAME));
        if (config.isSet(VigilOptions.MODEL_DIR)) {
            settings = settings.withModelDir(config.path(VigilOptions.MODEL_DIR, problems));
        }
        if (config.isSet(VigilOptions.MODEL_MIRROR)) {
            settings = settings.withMirrorDir(config.path(VigilOptions.MODEL_MIRROR, problems));
        }
        Double score = config.get(VigilOptions.MODEL_SCORE_THRESHOLD);
        Double iou = config.get(VigilOptions.MODEL_IOU_THRESHOLD);
        Long max = config.get(VigilOptions.MODEL_MAX_DETECTIONS);
        settings = settings.withThresholds(
                score == null ? Float.NaN : score.floatValue(),
                iou == null ? Float.NaN : iou.floatValue(),
                max == null ? 0 : max.intValue());
        if (config.isSet(VigilOptions.MODEL_FAMILY)) {
            settings = settings.withFamily(config.get(VigilOptions.MODEL_FAMILY));
        }
        if (config.isSet(VigilOptions.MODEL_INPUT_SIZE)) {
            ImageSize size = config.get(VigilOptions.MODEL_INPUT_SIZE);
            settings = settings.withInputSize(size.width(), size.height());
        }
        if (config.isSet(VigilOptions.MODEL_NAMES_FILE)) {
            java.nio.file.Path names = config.path(VigilOptions.MODEL_NAMES_FILE, problems);
            if (java.nio.file.Files.isRegularFile(names)) {
                settings = settings.withNamesFile(names);
            } else {
                problems.add(VigilOptions.MODEL_NAMES_FILE.key() + ": file not found: " + names);
            }
        }
        return settings.withIntraOpThreads(config.get(VigilOptions.MODEL_THREADS).intValue());
    }

    /**
     * The model name to pair with {@code model.path}: only one given explicitly (and not blank), since
     * the default name would declare the file to be that catalogue model.
     */
    private static String givenModelName(VigilConfig config) {
        String name = config.get(VigilOptions.MODEL_NAME);
        return config.isGiven(VigilOptions.MODEL_NAME) && name != null && !name.isBlank() ? name : null;
    }
}
