package dev.vigil.job.config;

import dev.vigil.operators.analytics.AnalyticsSettings;
import dev.vigil.operators.analytics.AnalyticsSettingsParser;

import java.util.List;

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
}
