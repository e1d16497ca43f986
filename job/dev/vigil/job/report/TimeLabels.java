package dev.vigil.job.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the report writes an event time: a video file's times start at 0 and read as a position in the
 * video ({@code 1:05.5}); a live camera's are wall-clock epoch milliseconds and read as UTC times.
 */
final class TimeLabels {

    /** Event times from this on (March 1973) are taken as epoch milliseconds, earlier ones as video positions. */
    static final long EPOCH_FROM_MILLIS = 100_000_000_000L;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimeLabels() {}

    /** {@code millis} as a video position or a UTC clock time, with tenths when {@code tenths}. */
    static String format(double millis, boolean tenths) {
        long ms = Math.round(millis);
        if (ms >= EPOCH_FROM_MILLIS) {
            return CLOCK.format(Instant.ofEpochMilli(ms));
        }
        long seconds = Math.floorDiv(ms, 1000);
        String text = seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        return tenths ? text + "." + Math.floorMod(ms, 1000) / 100 : text;
    }

    /** {@code millis} with tenths of a second: for tooltips and tables. */
    static String format(double millis) {
        return format(millis, millis < EPOCH_FROM_MILLIS);
    }

    /** What the time axis means, for captions. */
    static String axisName(double anyMillis) {
        return anyMillis >= EPOCH_FROM_MILLIS ? "event time (UTC)" : "video time (m:ss)";
    }
}
