package dev.vigil.job.report;

import java.util.Map;

/** The colour of each class in every chart of a report, so that "car" is the same blue throughout. */
final class Palette {

    private static final Map<String, String> KNOWN = Map.of(
            "car", "#4e79a7", "truck", "#f28e2b", "bus", "#59a14f", "person", "#e15759",
            "bicycle", "#b07aa1", "motorcycle", "#9c755f");
    private static final String[] OTHERS = {"#76b7b2", "#edc948", "#ff9da7", "#bab0ac", "#86bcb6", "#d37295"};

    private static final String[] SERIES = {"#4e79a7", "#e15759", "#59a14f", "#b07aa1", "#f28e2b", "#76b7b2"};

    static final String IN = "#2e8b57";
    static final String OUT = "#d1603d";
    static final String MEAN = "#555555";

    private Palette() {}

    /** Stops of the heat map's colour scale, from few (dark blue) through yellow to many (red). */
    private static final int[][] HEAT = {{0x31, 0x36, 0x95}, {0x45, 0x75, 0xb4}, {0x74, 0xad, 0xd1},
        {0xfe, 0xe0, 0x90}, {0xf4, 0x6d, 0x43}, {0xd7, 0x30, 0x27}};

    /** The heat map's colour at {@code t} in [0, 1]. */
    static String heat(double t) {
        double at = Math.max(0, Math.min(1, t)) * (HEAT.length - 1);
        int low = Math.min(HEAT.length - 2, (int) Math.floor(at));
        double f = at - low;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(HEAT[low][c] + f * (HEAT[low + 1][c] - HEAT[low][c]));
        }
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    /** The colour of the {@code index}th of several series that are not classes (cameras, say). */
    static String series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    static String of(String label) {
        String known = KNOWN.get(label);
        return known != null ? known : OTHERS[Math.floorMod(label.hashCode(), OTHERS.length)];
    }
}
