package dev.vigil.job.config;

import dev.vigil.models.Suggestions;

import dev.vigil.operators.ConfigYaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A validated job configuration: a YAML file plus command-line overrides, checked against
 * {@link VigilOptions} before anything starts. Unknown keys, values of the wrong type and values
 * out of range are all reported at once, each with its key path and what is allowed.
 *
 * <p>String values may use {@code ${NAME}} or {@code ${NAME:-fallback}}: NAME is looked up as an
 * environment variable, then as a system property.
 */
public final class VigilConfig {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(:-([^}]*))?}");

    private final Map<String, Object> values;
    private final java.util.Set<String> given;
    private final boolean forCluster;

    private VigilConfig(Map<String, Object> values, java.util.Set<String> given, boolean forCluster) {
        this.values = values;
        this.given = given;
        this.forCluster = forCluster;
    }

    /**
     * This config, for a job that runs on a Flink cluster rather than on the embedded mini-cluster: its paths
     * must be absolute (see {@link #path}).
     */
    public VigilConfig onCluster() {
        return new VigilConfig(values, given, true);
    }

    /** Whether this config is for a job on a Flink cluster ({@link #onCluster}). */
    public boolean isForCluster() {
        return forCluster;
    }

    /** The absolute, normalized path {@code option} names; see {@link #path(String, String, List)}. */
    public Path path(ConfigOption<String> option, List<String> problems) {
        return path(option.key(), get(option), problems);
    }

    /**
     * The absolute, normalized path {@code value} (given at {@code where}) names. A relative path resolves
     * against the working directory, which is only right where the job runs in this JVM: on a cluster the
     * config is read where {@code main} runs (a client, or the JobManager for web and application
     * submissions) and the file is opened by tasks on TaskManagers, each in a directory of its own. So for a
     * cluster a relative path is a problem noted in {@code problems}.
     */
    public Path path(String where, String value, List<String> problems) {
        Path path = Path.of(value);
        if (forCluster && !path.isAbsolute()) {
            problems.add(where + ": '" + value + "' is a relative path; a job on a Flink cluster needs absolute "
                    + "paths, on a file system that every TaskManager sees (its tasks do not run in this "
                    + "working directory)");
        }
        return path.toAbsolutePath().normalize();
    }

    /** Reads and validates {@code file}, then applies {@code overrides} (key path → value text). */
    public static VigilConfig load(Path file, Map<String, String> overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("config file not found"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read config file: " + e.getMessage()));
        }
        return parse(file.toString(), text, overrides);
    }

    /** Parses YAML {@code text}; {@code source} names it in error messages. */
    public static VigilConfig parse(String source, String text, Map<String, String> overrides) {
        return parse(source, text, overrides, VigilConfig::lookUpVariable);
    }

    static VigilConfig parse(
            String source, String text, Map<String, String> overrides, UnaryOperator<String> variables) {
        Object tree;
        try {
            tree = ConfigYaml.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        if (tree instanceof Map) {
            flatten("", (Map<?, ?>) tree, raw, problems);
        } else if (tree != null) {
            problems.add("the file must be a YAML mapping of sections (job, input, model, output)");
        }
        overrides.forEach((key, value) -> {
            if (option(key) == null) {
                problems.add(unknownKey(key) + " (given on the command line)");
            } else {
                raw.put(key, commandLineValue(key, value, problems));
            }
        });

        Map<String, Object> typed = new HashMap<>();
        java.util.Set<String> given = new java.util.HashSet<>();
        for (ConfigOption<?> option : VigilOptions.all()) {
            if (raw.containsKey(option.key())) {
                given.add(option.key());
                Object value = substitute(option.key(), raw.get(option.key()), variables, problems);
                if (value == null) {
                    continue;
                }
                try {
                    typed.put(option.key(), option.type().read(value));
                } catch (IllegalArgumentException e) {
                    problems.add(option.key() + ": " + e.getMessage());
                }
            } else if (option.defaultValue() != null) {
                typed.put(option.key(), option.defaultValue());
            }
        }
        VigilConfig config = new VigilConfig(typed, given, false);
        if (problems.isEmpty()) {
            config.checkAcrossKeys(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /** The value of {@code option}, or its default; {@code null} only for unset options without one. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigOption<T> option) {
        return (T) values.get(option.key());
    }

    /**
     * Whether the config turns analytics on: an analytics section, or live settings from a control
     * file or topic. The job and the outputs that decide which streams exist both ask this.
     */
    public boolean analyticsConfigured() {
        return isSet(VigilOptions.ANALYTICS) || isSet(VigilOptions.CONTROL_FILE) || isSet(KafkaOptions.CONTROL_TOPIC);
    }

    /** Whether {@code option} has a value, given or by default. */
    public boolean isSet(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    /** Whether {@code option} was given in the file or on the command line (not just defaulted). */
    public boolean isGiven(ConfigOption<?> option) {
        return given.contains(option.key());
    }

    private void checkAcrossKeys(List<String> problems) {
        List<String> paths = get(VigilOptions.INPUT_PATHS);
        if ("file".equals(get(VigilOptions.INPUT_TYPE)) && (paths == null || paths.isEmpty())) {
            problems.add(VigilOptions.INPUT_PATHS.key() + ": at least one video file is required ("
                    + VigilOptions.INPUT_PATHS.description() + ")");
        }
        List<String> cameras = get(VigilOptions.INPUT_CAMERA_IDS);
        if (cameras != null && !cameras.isEmpty() && paths != null && cameras.size() != paths.size()) {
            problems.add(VigilOptions.INPUT_CAMERA_IDS.key() + ": " + cameras.size() + " camera ids for "
                    + paths.size() + " input paths; give one per path or none");
        }
        if (cameras != null && new TreeSet<>(cameras).size() != cameras.size()) {
            problems.add(VigilOptions.INPUT_CAMERA_IDS.key() + ": camera ids must be unique, got " + cameras);
        }
    }

    /**
     * A value given as {@code --set key=value}: text, except that {@code [a, b]} is a list, as in the file
     * ({@code a,b} is one too, for the keys that take lists).
     */
    private static Object commandLineValue(String key, String value, List<String> problems) {
        String text = value.trim();
        if (!text.startsWith("[")) {
            return value;
        }
        try {
            Object list = ConfigYaml.parse(text);
            if (list instanceof List) {
                return list;
            }
        } catch (IllegalArgumentException notYaml) {
            // reported below
        }
        problems.add(key + ": '" + value + "' is not a list (given on the command line); write [a, b] or a,b");
        return null;
    }

    private static void flatten(String prefix, Map<?, ?> section, Map<String, Object> out, List<String> problems) {
        for (Map.Entry<?, ?> entry : section.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (option(key) != null) {
                out.put(key, value);
            } else if (isSection(key)) {
                if (value instanceof Map) {
                    flatten(key + ".", (Map<?, ?>) value, out, problems);
                } else if (value != null) {
                    problems.add(key + ": expected a section with keys " + keysUnder(key) + ", got '" + value + "'");
                }
            } else {
                problems.add(unknownKey(key));
            }
        }
    }

    private static Object substitute(String key, Object value, UnaryOperator<String> variables, List<String> problems) {
        if (value instanceof String) {
            return substituteText(key, (String) value, variables, problems);
        }
        if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) value) {
                items.add(item instanceof String || item instanceof Map
                        ? substitute(key, item, variables, problems)
                        : item);
            }
            return items.contains(null) ? null : items;
        }
        if (value instanceof Map) {
            // Sections inside lists (cameras) may carry ${NAME} too, e.g. passwords kept out of the file.
            Map<Object, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                Object substituted = substitute(key, entry.getValue(), variables, problems);
                if (substituted == null && entry.getValue() != null) {
                    return null;
                }
                entries.put(entry.getKey(), substituted);
            }
            return entries;
        }
        return value;
    }

    private static String substituteText(String key, String text, UnaryOperator<String> variables, List<String> problems) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(3);
            }
            if (value == null) {
                problems.add(key + ": ${" + m.group(1) + "} is not set (no environment variable or system property "
                        + "of that name, and no ':-fallback')");
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lookUpVariable(String name) {
        String env = System.getenv(name);
        return env != null ? env : System.getProperty(name);
    }

    private static ConfigOption<?> option(String key) {
        for (ConfigOption<?> option : VigilOptions.all()) {
            if (option.key().equals(key)) {
                return option;
            }
        }
        return null;
    }

    private static boolean isSection(String key) {
        return VigilOptions.all().stream().anyMatch(o -> o.key().startsWith(key + "."));
    }

    private static String keysUnder(String section) {
        return VigilOptions.all().stream()
                .map(ConfigOption::key)
                .filter(k -> k.startsWith(section + "."))
                .map(k -> k.substring(section.length() + 1))
                .collect(Collectors.joining(", "));
    }

    private static String unknownKey(String key) {
        String closest = closestKey(key);
        String hint = closest == null ? "" : " (did you mean " + closest + "?)";
        int dot = key.lastIndexOf('.');
        String section = dot > 0 ? key.substring(0, dot) : null;
        if (section != null && isSection(section)) {
            return key + ": unknown key" + hint + "; keys under " + section + ": " + keysUnder(section);
        }
        List<String> sections = VigilOptions.all().stream()
                .map(o -> o.key().contains(".") ? o.key().substring(0, o.key().indexOf('.')) : o.key())
                .distinct()
                .collect(Collectors.toList());
        return key + ": unknown key" + hint + "; sections: " + String.join(", ", sections);
    }

    private static String closestKey(String key) {
        List<String> keys = VigilOptions.all().stream().map(ConfigOption::key).collect(Collectors.toList());
        return Suggestions.nearest(key, keys, UnaryOperator.identity(), false)
                .filter(nearest -> nearest.distance() <= Math.max(2, key.length() / 4))
                .map(Suggestions.Nearest::name)
                .orElse(null);
    }

    /** The effective values, for logging, with secret values masked. */
    public Map<String, Object> asMap() {
        Map<String, Object> shown = new java.util.TreeMap<>();
        values.forEach((key, value) -> shown.put(key, Secrets.isSecret(key) ? Secrets.MASK : Secrets.masked(value)));
        return Collections.unmodifiableMap(shown);
    }
}
