package dev.vigil.sinks.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The kinds of index Vigil writes: one family per record type, one index per UTC day of event time
 * ({@code <prefix>-<family>-yyyy.MM.dd}), plus a single dead-letter index ({@code <prefix>-deadletter}).
 * Each family has an index template with explicit mappings beside this class
 * ({@code <family>.template.json}).
 */
public enum IndexFamily {
    DETECTIONS,
    TRACKS,
    EVENTS,
    AGGREGATES,
    DEADLETTER;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    /** The family's name in index names and templates: {@code detections}, {@code tracks}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the family has one index per day (all but the dead letters). */
    public boolean isDaily() {
        return this != DEADLETTER;
    }

    /** The index a record of event time {@code timestampMillis} goes to. */
    public String indexName(String prefix, long timestampMillis) {
        return isDaily() ? prefix + "-" + id() + "-" + DAY.format(Instant.ofEpochMilli(timestampMillis))
                : prefix + "-" + id();
    }

    /** The pattern that matches every index of the family, as used by its template and by queries. */
    public String indexPattern(String prefix) {
        return isDaily() ? prefix + "-" + id() + "-*" : prefix + "-" + id();
    }

    /** Parses {@code detections}, {@code tracks}, {@code events} or {@code aggregates} (any case). */
    public static IndexFamily ofId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
