package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * A new analytics configuration from the control stream, as YAML text (the whole
 * {@code analytics} section, with or without the top-level {@code analytics} key). It replaces
 * the current settings for all cameras when it is valid.
 *
 * @param source where it came from (a file path), for messages and event ids
 * @param text the YAML text
 */
@TypeInfo(AnalyticsConfigUpdateTypeInfoFactory.class)
public record AnalyticsConfigUpdate(String source, String text) {

    public AnalyticsConfigUpdate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
