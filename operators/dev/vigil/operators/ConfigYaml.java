package dev.vigil.operators;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * YAML as Vigil reads it, for job configs and for live analytics settings alike: YAML 1.2 with its JSON
 * schema, so that only {@code true} and {@code false}, {@code null} and JSON numbers are typed and every
 * other scalar stays the text it is. YAML 1.1 (SnakeYAML 1 and 2) read {@code no} as false, {@code 012}
 * as 10 and {@code 1:30} as 90, and camera ids and names are exactly what users write like that. A key
 * given twice in one mapping is an error rather than a silent override.
 */
public final class ConfigYaml {

    private ConfigYaml() {}

    /**
     * The tree of maps, lists and scalars {@code text} holds, or {@code null} for an empty document.
     *
     * @throws IllegalArgumentException saying where and why when the text is not valid YAML
     */
    public static Object parse(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new JsonSchema())
                .setAllowDuplicateKeys(false)
                .build();
        try {
            return new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
