package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Occupancy of each zone per count window, from the windowed counts: per class the most tracks inside
 * in one frame, and the mean of all classes together per frame (the sum of the classes' means).
 */
final class ZoneOccupancy {

    /** camera → zone → window → class → {max, avg} */
    private final Map<String, TreeMap<String, TreeMap<Window, TreeMap<String, double[]>>>> zones = new TreeMap<>();

    void accept(JsonNode record) {
        String camera = record.path("camera_id").asText();
        Window window = Window.of(record);
        String label = record.path("label").asText("?");
        for (JsonNode zone : record.path("zones")) {
            zones.computeIfAbsent(camera, c -> new TreeMap<>())
                    .computeIfAbsent(zone.path("zone").asText("?"), z -> new TreeMap<>())
                    .computeIfAbsent(window, w -> new TreeMap<>())
                    .put(label, new double[] {zone.path("max").asDouble(), zone.path("avg").asDouble()});
        }
    }

    Set<String> zones(String camera) {
        return zones.getOrDefault(camera, new TreeMap<>()).keySet();
    }

    /** Classes that were ever inside the zone, the ones the chart has a line for. */
    List<String> labels(String camera, String zone) {
        java.util.Set<String> labels = new java.util.TreeSet<>();
        zones.get(camera).get(zone).values().forEach(byLabel -> byLabel.forEach((label, v) -> {
            if (v[0] > 0) {
                labels.add(label);
            }
        }));
        return List.copyOf(labels);
    }

    String chart(String camera, String zone) {
        TreeMap<Window, TreeMap<String, double[]>> windows = zones.get(camera).get(zone);
        List<Series> series = new ArrayList<>();
        double highest = 1;
        for (String label : labels(camera, zone)) {
            List<Series.Point> points = new ArrayList<>();
            for (Map.Entry<Window, TreeMap<String, double[]>> window : windows.entrySet()) {
                double max = window.getValue().getOrDefault(label, new double[2])[0];
                highest = Math.max(highest, max);
                points.add(new Series.Point(window.getKey().middle(), max,
                        zone + ", " + label + ", " + window.getKey().label() + ": at most " + Markup.num(max) + " inside"));
            }
            series.add(new Series(label + " (most)", Palette.of(label), points, false));
        }
        List<Series.Point> mean = new ArrayList<>();
        for (Map.Entry<Window, TreeMap<String, double[]>> window : windows.entrySet()) {
            double sum = window.getValue().values().stream().mapToDouble(v -> v[1]).sum();
            mean.add(new Series.Point(window.getKey().middle(), sum,
                    zone + ", " + window.getKey().label() + ": " + Markup.exact(sum) + " inside on average"));
        }
        series.add(new Series("mean, all classes", Palette.MEAN, mean, true));
        Axis x = Window.axis(windows.keySet());
        return LineChart.svg("zone-occupancy", x, Axis.values(0, highest, true), TimeLabels.axisName(x.min()),
                "tracks inside", series);
    }
}
