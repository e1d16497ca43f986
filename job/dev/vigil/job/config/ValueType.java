package dev.vigil.job.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The type of a config value: how to read it from YAML or a command-line string, and how to
 * describe what is allowed when it cannot be read.
 */
public abstract class ValueType<T> {

    private final String description;

    private ValueType(String description) {
        this.description = description;
    }

    /** What a valid value looks like, for error messages and help. */
    public String description() {
        return description;
    }

    /**
     * Reads a raw value (a YAML scalar or list, or a string from the command line).
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public abstract T read(Object raw);

    public static ValueType<String> string() {
        return new ValueType<>("a string") {
            @Override
            public String read(Object raw) {
                if (raw instanceof List || raw instanceof java.util.Map) {
                    throw new IllegalArgumentException("expected a string, got " + shape(raw));
                }
                return String.valueOf(raw);
            }
        };
    }

    public static ValueType<Boolean> bool() {
        return new ValueType<>("true or false") {
            @Override
            public Boolean read(Object raw) {
                if (raw instanceof Boolean) {
                    return (Boolean) raw;
                }
                String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw new IllegalArgumentException("expected true or false, got " + quoted(raw));
            }
        };
    }

    /** An integer in {@code [min, max]}. */
    public static ValueType<Long> integer(long min, long max) {
        return new ValueType<>(rangeText("an integer", min, max)) {
            @Override
            public Long read(Object raw) {
                long value;
                if (raw instanceof Integer || raw instanceof Long) {
                    value = ((Number) raw).longValue();
                } else {
                    try {
                        value = Long.parseLong(String.valueOf(raw).trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                    }
                }
                if (value < min || value > max) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + value);
                }
                return value;
            }
        };
    }

    /**
     * A size in bytes in {@code [min, max]}: a whole number of bytes, or one with a binary unit such as
     * {@code 512kb}, {@code 24mb}, {@code 2gb} (also {@code k}, {@code m}, {@code g}, {@code mib}, ...).
     */
    public static ValueType<Long> bytes(long min, long max) {
        return new ValueType<>(rangeText("a size like 24mb, 512kb or 1gb (binary units) or a number of bytes", min,
                max)) {
            @Override
            public Long read(Object raw) {
                // A YAML number reads as its digits, a number of bytes.
                java.util.regex.Matcher m = SIZE.matcher(String.valueOf(raw).trim().toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                int shift = switch (m.group(2)) {
                    case "k", "kb", "kib" -> 10;
                    case "m", "mb", "mib" -> 20;
                    case "g", "gb", "gib" -> 30;
                    default -> 0;
                };
                long value;
                try {
                    value = Long.parseLong(m.group(1));
                } catch (NumberFormatException tooLarge) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                if (value > (Long.MAX_VALUE >> shift)) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                value <<= shift;
                if (value < min || value > max) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + value + " bytes");
                }
                return value;
            }
        };
    }

    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(\\d{1,19})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

    /** An image size: one side for a square ({@code 416}) or width x height ({@code 640x384}), five digits at most. */
    public static ValueType<ImageSize> imageSize() {
        return new ValueType<>("416 or 640x384 (width x height, positive, at most 5 digits)") {
            @Override
            public ImageSize read(Object raw) {
                java.util.regex.Matcher m = IMAGE_SIZE.matcher(String.valueOf(raw).trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                int width = Integer.parseInt(m.group(1));
                return new ImageSize(width, m.group(2) == null ? width : Integer.parseInt(m.group(2)));
            }
        };
    }

    /** A positive side of at most five digits, which keeps it within an int; optionally x a second one. */
    private static final java.util.regex.Pattern IMAGE_SIZE =
            java.util.regex.Pattern.compile("([1-9]\\d{0,4})(?:x([1-9]\\d{0,4}))?");

    /** A duration as {@link #duration()} reads it, which must not be 0. */
    public static ValueType<Duration> positiveDuration() {
        return duration("a positive duration like 500ms, 10s or 2m", value -> !value.isZero());
    }

    /** A duration as {@link #duration()} reads it: 0 (off), or at least {@code min}. */
    public static ValueType<Duration> offOrAtLeast(Duration min) {
        return duration("0 (off) or a duration of at least " + min.toMillis() + "ms, like 500ms, 10s or 2m",
                value -> value.isZero() || value.compareTo(min) >= 0);
    }

    /** A duration as {@link #duration()} reads it, that {@code allowed} must accept too. */
    private static ValueType<Duration> duration(String description, java.util.function.Predicate<Duration> allowed) {
        ValueType<Duration> duration = duration();
        return new ValueType<>(description) {
            @Override
            public Duration read(Object raw) {
                Duration value = null;
                try {
                    value = duration.read(raw);
                } catch (IllegalArgumentException e) {
                    // reported below, with this type's description
                }
                if (value == null || !allowed.test(value)) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                return value;
            }
        };
    }

    /** A decimal number in {@code [min, max]}. */
    public static ValueType<Double> decimal(double min, double max) {
        return new ValueType<>("a number from " + min + " to " + max) {
            @Override
            public Double read(Object raw) {
                double value;
                if (raw instanceof Number) {
                    value = ((Number) raw).doubleValue();
                } else {
                    try {
                        value = Double.parseDouble(String.valueOf(raw).trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                    }
                }
                if (!(value >= min && value <= max)) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + value);
                }
                return value;
            }
        };
    }

    /** One of a fixed set of lower-case words. */
    public static ValueType<String> oneOf(String... allowed) {
        List<String> words = Arrays.asList(allowed);
        return new ValueType<>("one of " + String.join(", ", words)) {
            @Override
            public String read(Object raw) {
                String s = String.valueOf(raw).trim();
                if (!words.contains(s)) {
                    throw new IllegalArgumentException("expected one of " + String.join(", ", words) + ", got "
                            + quoted(raw));
                }
                return s;
            }
        };
    }

    /** {@code duration} as messages write it: {@code 10 s}, {@code 1500 ms}. */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** A duration such as {@code 500ms}, {@code 10s}, {@code 2m}; {@code 0} means off. */
    public static ValueType<Duration> duration() {
        return new ValueType<>("a duration like 500ms, 10s or 2m (0 = off)") {
            @Override
            public Duration read(Object raw) {
                String s = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
                Duration value = null;
                try {
                    if (s.equals("0")) {
                        value = Duration.ZERO;
                    } else if (s.endsWith("ms")) {
                        value = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
                    } else if (s.endsWith("s")) {
                        value = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()));
                    } else if (s.endsWith("m")) {
                        value = Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).trim()));
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    // reported below
                }
                if (value == null || value.isNegative()) {
                    throw new IllegalArgumentException("expected " + description() + ", got " + quoted(raw));
                }
                return value;
            }
        };
    }

    /** A list of strings; a single string (e.g. from the command line) is a list of one. */
    public static ValueType<List<String>> stringList() {
        return new ValueType<>("a list of strings") {
            @Override
            public List<String> read(Object raw) {
                if (raw instanceof java.util.Map) {
                    throw new IllegalArgumentException("expected a list of strings, got " + shape(raw));
                }
                List<String> values = new ArrayList<>();
                if (raw instanceof List) {
                    for (Object item : (List<?>) raw) {
                        if (item instanceof List || item instanceof java.util.Map || item == null) {
                            throw new IllegalArgumentException("expected a list of strings, got an item "
                                    + shape(item));
                        }
                        values.add(String.valueOf(item));
                    }
                } else {
                    for (String part : String.valueOf(raw).split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                }
                return List.copyOf(values);
            }
        };
    }

    /** A YAML list of sections (e.g. cameras), passed on as read, for a part of the config with its own validator. */
    public static ValueType<List<Object>> sectionList() {
        return new ValueType<>("a list of YAML sections") {
            @Override
            public List<Object> read(Object raw) {
                if (!(raw instanceof List)) {
                    throw new IllegalArgumentException("expected a list of sections, got " + shape(raw));
                }
                return java.util.Collections.unmodifiableList(new java.util.ArrayList<>((List<?>) raw));
            }
        };
    }

    /** A whole YAML section, passed on as read, for a part of the config with its own validator. */
    public static ValueType<Object> tree() {
        return new ValueType<>("a YAML section") {
            @Override
            public Object read(Object raw) {
                if (!(raw instanceof java.util.Map)) {
                    throw new IllegalArgumentException("expected a section, got " + shape(raw));
                }
                return raw;
            }
        };
    }

    private static String rangeText(String what, long min, long max) {
        if (max == Long.MAX_VALUE) {
            return what + " >= " + min;
        }
        return what + " from " + min + " to " + max;
    }

    private static String shape(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof List) {
            return "a list";
        }
        if (raw instanceof java.util.Map) {
            return "a section";
        }
        return quoted(raw);
    }

    private static String quoted(Object raw) {
        return raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
    }
}
