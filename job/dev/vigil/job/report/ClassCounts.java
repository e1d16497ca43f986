package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Distinct tracks per class and count window, per camera, from the windowed counts: a stacked bar chart. */
final class ClassCounts {

    /** camera → window → class → distinct tracks */
    private final Map<String, TreeMap<Window, TreeMap<String, Long>>> counts = new TreeMap<>();

    void accept(JsonNode record) {
        counts.computeIfAbsent(record.path("camera_id").asText(), c -> new TreeMap<>())
                .computeIfAbsent(Window.of(record), w -> new TreeMap<>())
                .merge(record.path("label").asText("?"), record.path("distinct_tracks").asLong(), Long::sum);
    }

    Set<String> cameras() {
        return counts.keySet();
    }

    Set<String> labels(String camera) {
        Set<String> labels = new TreeSet<>();
        counts.getOrDefault(camera, new TreeMap<>()).values().forEach(byLabel -> labels.addAll(byLabel.keySet()));
        return labels;
    }

    String chart(String camera) {
        TreeMap<Window, TreeMap<String, Long>> windows = counts.getOrDefault(camera, new TreeMap<>());
        List<BarChart.Bar> bars = new ArrayList<>();
        long highest = 0;
        for (Map.Entry<Window, TreeMap<String, Long>> window : windows.entrySet()) {
            List<BarChart.Part> parts = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, Long> label : window.getValue().entrySet()) {
                parts.add(new BarChart.Part(label.getKey(), Palette.of(label.getKey()), label.getValue(),
                        label.getKey() + ", " + window.getKey().label() + ": " + label.getValue() + " tracks"));
                total += label.getValue();
            }
            highest = Math.max(highest, total);
            bars.add(new BarChart.Bar(window.getKey().start(), window.getKey().end(), parts));
        }
        Axis x = Window.axis(windows.keySet());
        return BarChart.svg("class-counts", x, Axis.values(0, highest, true),
                TimeLabels.axisName(x.min()), "distinct tracks", bars);
    }
}
