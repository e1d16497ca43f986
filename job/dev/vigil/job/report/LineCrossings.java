package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Crossings of each line per count window, in and out, all classes together, from the windowed counts:
 * crossings in as bars above the axis, crossings out below it.
 */
final class LineCrossings {

    /** camera → line → window → {in, out} */
    private final Map<String, TreeMap<String, TreeMap<Window, long[]>>> crossings = new TreeMap<>();
    /** camera → every window of the camera, so that the time axis matches the class counts' */
    private final Map<String, Set<Window>> windows = new TreeMap<>();

    void accept(JsonNode record) {
        String camera = record.path("camera_id").asText();
        Window window = Window.of(record);
        windows.computeIfAbsent(camera, c -> new java.util.TreeSet<>()).add(window);
        for (JsonNode line : record.path("lines")) {
            long[] counts = crossings.computeIfAbsent(camera, c -> new TreeMap<>())
                    .computeIfAbsent(line.path("line").asText("?"), l -> new TreeMap<>())
                    .computeIfAbsent(window, w -> new long[2]);
            counts[0] += line.path("in").asLong();
            counts[1] += line.path("out").asLong();
        }
    }

    Set<String> lines(String camera) {
        return crossings.getOrDefault(camera, new TreeMap<>()).keySet();
    }

    /** {in, out} over the whole run. */
    long[] totals(String camera, String line) {
        long[] totals = new long[2];
        crossings.get(camera).get(line).values().forEach(c -> {
            totals[0] += c[0];
            totals[1] += c[1];
        });
        return totals;
    }

    String chart(String camera, String line) {
        List<BarChart.Bar> bars = new ArrayList<>();
        long mostIn = 1;
        long mostOut = 0;
        for (Map.Entry<Window, long[]> window : crossings.get(camera).get(line).entrySet()) {
            long in = window.getValue()[0];
            long out = window.getValue()[1];
            mostIn = Math.max(mostIn, in);
            mostOut = Math.max(mostOut, out);
            String when = line + ", " + window.getKey().label() + ": ";
            bars.add(new BarChart.Bar(window.getKey().start(), window.getKey().end(), List.of(
                    new BarChart.Part("in", Palette.IN, in, when + in + " in"),
                    new BarChart.Part("out", Palette.OUT, -out, when + out + " out"))));
        }
        Axis x = Window.axis(windows.get(camera));
        return BarChart.svg("line-crossings", x, Axis.values(-mostOut, mostIn, true), TimeLabels.axisName(x.min()),
                "crossings (in ↑, out ↓)", bars);
    }
}
