package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

/** A count window of event time, as a windowed counts record gives it. */
record Window(long start, long end) implements Comparable<Window> {

    static Window of(JsonNode counts) {
        long start = counts.path("window_start_ms").asLong();
        return new Window(start, counts.path("window_end_ms").asLong(start));
    }

    /** The time axis from the first window's start to the last one's end. */
    static Axis axis(java.util.Collection<Window> windows) {
        long from = windows.stream().mapToLong(Window::start).min().orElse(0);
        long to = windows.stream().mapToLong(Window::end).max().orElse(from + 1_000);
        return Axis.time(from, to);
    }

    double middle() {
        return (start + end) / 2.0;
    }

    String label() {
        return TimeLabels.format(start, false) + "–" + TimeLabels.format(end, false);
    }

    @Override
    public int compareTo(Window other) {
        return start != other.start ? Long.compare(start, other.start) : Long.compare(end, other.end);
    }
}
