package dev.vigil.operators.analytics;

import dev.vigil.operators.ConfigYaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link AnalyticsSettings} from the YAML tree ({@link ConfigYaml}) of the job config's
 * {@code analytics} section or for a control file:
 *
 * <pre>
 * analytics:                      # optional in a control file
 *   track-timeout-frames: 30
 *   cameras:
 *     gate:
 *       lines:
 *         - name: entrance
 *           points: [[100, 400], [500, 400]]
 *           in-side: right          # left | right of first→second point, as seen on screen
 *           classes: [person]       # optional, default all
 *           anchor: bottom-centre   # bottom-centre (default) | centre | top-centre
 *           min-frames-on-side: 3
 *       zones:
 *         - name: lobby
 *           polygon: [[0, 0], [200, 0], [200, 150], [0, 150]]
 *           classes: [person]
 *           anchor: bottom-centre
 *           entry-frames: 3
 *           exit-frames: 3
 *           loitering-seconds: 60   # 0 or absent: no loitering events
 * </pre>
 *
 * All problems (structure, types, unknown keys, then {@link AnalyticsSettings#validate()}) are
 * reported together, each with its key path. It is one class of some 340 lines because it is one walk
 * over one tree: the key path it carries down is what every message needs.
 */
public final class AnalyticsSettingsParser {

    private static final String ROOT = AnalyticsSettings.ROOT;
    private static final Set<String> ROOT_KEYS = Set.of("track-timeout-frames", "cameras");
    private static final Set<String> CAMERA_KEYS = Set.of("lines", "zones");
    private static final Set<String> LINE_KEYS =
            Set.of("name", "points", "in-side", "classes", "anchor", "min-frames-on-side");
    private static final Set<String> ZONE_KEYS =
            Set.of("name", "polygon", "classes", "anchor", "entry-frames", "exit-frames", "loitering-seconds");

    /** Settings when valid, otherwise null with the problems. */
    public record Result(AnalyticsSettings settings, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final List<String> problems = new ArrayList<>();

    private AnalyticsSettingsParser() {}

    /** Parses YAML text; a top-level {@code analytics} key is optional. */
    public static Result parseYaml(String text) {
        Object tree;
        try {
            tree = ConfigYaml.parse(text);
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of(ROOT + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        if (tree instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(ROOT)) {
            tree = map.get(ROOT);
        }
        if (tree == null) {
            tree = Map.of();
        }
        return parse(tree);
    }

    /** Parses the value of the {@code analytics} section (null: no analytics). */
    public static Result parse(Object tree) {
        AnalyticsSettingsParser p = new AnalyticsSettingsParser();
        AnalyticsSettings settings = p.settings(tree == null ? Map.of() : tree);
        if (settings != null && p.problems.isEmpty()) {
            p.problems.addAll(settings.validate());
        }
        return new Result(p.problems.isEmpty() ? settings : null, p.problems);
    }

    private AnalyticsSettings settings(Object tree) {
        Map<String, Object> root = map(tree, ROOT, ROOT_KEYS);
        if (root == null) {
            return null;
        }
        int timeout = (int) integer(root.get("track-timeout-frames"), ROOT + ".track-timeout-frames",
                AnalyticsSettings.DEFAULT_TRACK_TIMEOUT_FRAMES);
        Map<String, CameraSettings> cameras = new LinkedHashMap<>();
        Object cams = root.get("cameras");
        if (cams != null) {
            Map<String, Object> camMap = map(cams, ROOT + ".cameras", null);
            if (camMap != null) {
                camMap.forEach((id, value) -> {
                    CameraSettings c = camera(value, ROOT + ".cameras." + id);
                    if (c != null) {
                        cameras.put(id, c);
                    }
                });
            }
        }
        return new AnalyticsSettings(cameras, timeout);
    }

    private CameraSettings camera(Object value, String path) {
        if (value == null) {
            return CameraSettings.NONE;
        }
        Map<String, Object> cam = map(value, path, CAMERA_KEYS);
        if (cam == null) {
            return null;
        }
        List<LineSettings> lines = new ArrayList<>();
        List<Object> lineList = list(cam.get("lines"), path + ".lines");
        for (int i = 0; i < lineList.size(); i++) {
            LineSettings l = line(lineList.get(i), path + ".lines[" + i + "]");
            if (l != null) {
                lines.add(l);
            }
        }
        List<ZoneSettings> zones = new ArrayList<>();
        List<Object> zoneList = list(cam.get("zones"), path + ".zones");
        for (int i = 0; i < zoneList.size(); i++) {
            ZoneSettings z = zone(zoneList.get(i), path + ".zones[" + i + "]");
            if (z != null) {
                zones.add(z);
            }
        }
        return new CameraSettings(lines, zones);
    }

    private LineSettings line(Object value, String path) {
        Map<String, Object> m = map(value, path, LINE_KEYS);
        if (m == null) {
            return null;
        }
        String name = string(m.get("name"), path + ".name", true);
        List<Point> points = points(m.get("points"), path + ".points");
        if (points != null && points.size() != 2) {
            problems.add(path + ".points: a line needs exactly 2 points, got " + points.size());
            points = null;
        }
        LineSettings.Side side = null;
        String sideText = string(m.get("in-side"), path + ".in-side", true);
        if (sideText != null) {
            try {
                side = LineSettings.Side.valueOf(sideText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(path + ".in-side: must be left or right (of the first→second point, as seen on screen), got '"
                        + sideText + "'");
            }
        }
        List<String> classes = classes(m.get("classes"), path + ".classes");
        Anchor anchor = anchor(m.get("anchor"), path + ".anchor");
        long n = integer(m.get("min-frames-on-side"), path + ".min-frames-on-side", LineSettings.DEFAULT_MIN_FRAMES_ON_SIDE);
        if (name == null || points == null || side == null || classes == null || anchor == null) {
            return null;
        }
        return new LineSettings(name, points.get(0), points.get(1), side, classes, anchor, (int) n);
    }

    private ZoneSettings zone(Object value, String path) {
        Map<String, Object> m = map(value, path, ZONE_KEYS);
        if (m == null) {
            return null;
        }
        String name = string(m.get("name"), path + ".name", true);
        List<Point> polygon = points(m.get("polygon"), path + ".polygon");
        List<String> classes = classes(m.get("classes"), path + ".classes");
        Anchor anchor = anchor(m.get("anchor"), path + ".anchor");
        long entry = integer(m.get("entry-frames"), path + ".entry-frames", ZoneSettings.DEFAULT_ENTRY_FRAMES);
        long exit = integer(m.get("exit-frames"), path + ".exit-frames", ZoneSettings.DEFAULT_EXIT_FRAMES);
        double loitering = number(m.get("loitering-seconds"), path + ".loitering-seconds", 0);
        if (name == null || polygon == null || classes == null || anchor == null) {
            return null;
        }
        return new ZoneSettings(name, polygon, classes, anchor, (int) entry, (int) exit, loitering);
    }

    // --- value helpers: each reports its own problem and returns null (or the default) ---

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String path, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> m)) {
            problems.add(path + ": expected a mapping, got " + describe(value));
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (allowed != null && !allowed.contains(key)) {
                problems.add(path + "." + key + ": unknown key (allowed: " + String.join(", ", sorted(allowed)) + ")");
            } else {
                out.put(key, e.getValue());
            }
        }
        return out;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            problems.add(path + ": expected a list, got " + describe(value));
            return List.of();
        }
        return (List<Object>) l;
    }

    private String string(Object value, String path, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(path + ": required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(path + ": expected a string, got " + describe(value));
            return null;
        }
        return String.valueOf(value);
    }

    private long integer(Object value, String path, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                problems.add(path + ": out of range: " + v);
                return fallback;
            }
            return v;
        }
        problems.add(path + ": expected a whole number, got " + describe(value));
        return fallback;
    }

    private double number(Object value, String path, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        problems.add(path + ": expected a number, got " + describe(value));
        return fallback;
    }

    private List<String> classes(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List<?> l)) {
            problems.add(path + ": expected a list of class names, got " + describe(value));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                problems.add(path + ": expected class names, got " + describe(o));
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private Anchor anchor(Object value, String path) {
        if (value == null) {
            return Anchor.BOTTOM_CENTRE;
        }
        Anchor a = value instanceof String s ? Anchor.fromConfig(s) : null;
        if (a == null) {
            problems.add(path + ": must be bottom-centre, centre or top-centre, got " + describe(value));
        }
        return a;
    }

    private List<Point> points(Object value, String path) {
        if (value == null) {
            problems.add(path + ": required");
            return null;
        }
        if (!(value instanceof List<?> l)) {
            problems.add(path + ": expected a list of [x, y] points, got " + describe(value));
            return null;
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            Object p = l.get(i);
            if (p instanceof List<?> xy && xy.size() == 2 && xy.get(0) instanceof Number x && xy.get(1) instanceof Number y
                    && Double.isFinite(x.doubleValue()) && Double.isFinite(y.doubleValue())) {
                out.add(new Point(x.doubleValue(), y.doubleValue()));
            } else {
                problems.add(path + "[" + i + "]: expected [x, y] with two finite numbers, got " + describe(p));
                return null;
            }
        }
        return out;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List<?> l) {
            return l.toString();
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value.toString();
    }
}
