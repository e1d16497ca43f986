package dev.vigil.job.config;

import java.util.Objects;

/**
 * One configuration key: its dotted path, type, default and what it does.
 *
 * @param key dotted path, e.g. {@code input.stride}
 * @param type how to read and check the value
 * @param defaultValue value when the key is absent, or {@code null} for "not set"
 * @param description one sentence for help output and error messages
 */
public record ConfigOption<T>(String key, ValueType<T> type, T defaultValue, String description) {

    public ConfigOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static <T> ConfigOption<T> of(String key, ValueType<T> type, T defaultValue, String description) {
        return new ConfigOption<>(key, type, defaultValue, description);
    }
}
