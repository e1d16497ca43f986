package dev.vigil.job.config;

import dev.vigil.operators.analytics.AnalyticsSettings;
import dev.vigil.operators.analytics.AnalyticsSettingsParser;
import dev.vigil.operators.analytics.FrameFit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code analytics} section, checked: structure, geometry and class names, each with its key path. */
public final class AnalyticsSection {

    private AnalyticsSection() {}

    /** The settings, or {@code null} with every problem added to {@code problems}; empty without a section. */
    public static AnalyticsSettings settings(VigilConfig config, List<String> problems) {
        if (!config.isSet(VigilOptions.ANALYTICS)) {
            return AnalyticsSettings.EMPTY;
        }
        AnalyticsSettingsParser.Result parsed = AnalyticsSettingsParser.parse(config.get(VigilOptions.ANALYTICS));
        problems.addAll(parsed.problems());
        return parsed.settings();
    }

    /**
     * Lines and zones outside the frames of their camera, where the frame size is known before the start:
     * not an error (the settings may be meant for a resolution to come), but said before the job starts.
     */
    public static List<String> geometryWarnings(AnalyticsSettings settings, Map<String, ImageSize> frameSizes) {
        List<String> warnings = new ArrayList<>();
        if (settings == null) {
            return warnings;
        }
        frameSizes.forEach((camera, size) -> {
            for (String shape : FrameFit.outside(settings.forCamera(camera), size.width(), size.height())) {
                warnings.add(VigilOptions.ANALYTICS.key() + ".cameras." + camera + ": "
                        + FrameFit.message(shape, size.width(), size.height()));
            }
        });
        return warnings;
    }

    /**
     * Notes a problem for every camera the section configures that the input does not carry: its lines and
     * zones would silently never fire (a misspelt camera id, most likely).
     */
    public static void checkCameras(AnalyticsSettings settings, List<String> inputCameras, List<String> problems) {
        if (settings == null) {
            return;
        }
        CameraIds.checkKnown(VigilOptions.ANALYTICS.key() + ".cameras", settings.cameras().keySet(), inputCameras,
                problems);
    }
}
