package dev.vigil.operators.analytics;

import dev.vigil.models.ModelCatalogue;
import dev.vigil.models.Suggestions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Analytics configuration: lines and zones per camera id. Cameras without an entry get no
 * analytics. Build one with {@link AnalyticsSettingsParser} (from the job's {@code analytics}
 * section or a control file) or directly, then {@link #validate()}.
 *
 * @param cameras settings by camera id
 * @param trackTimeoutFrames a track not observed for more than this many frames of its camera has
 *     ended: its state is dropped and it exits the zones it was in (default 30, the tracker's
 *     default track buffer)
 */
public record AnalyticsSettings(Map<String, CameraSettings> cameras, int trackTimeoutFrames) implements Serializable {

    public static final int DEFAULT_TRACK_TIMEOUT_FRAMES = 30;

    /** No lines or zones anywhere. */
    public static final AnalyticsSettings EMPTY = new AnalyticsSettings(Map.of(), DEFAULT_TRACK_TIMEOUT_FRAMES);

    /** Key path that problems start with. */
    public static final String ROOT = "analytics";

    public AnalyticsSettings {
        cameras = new TreeMap<>(Objects.requireNonNull(cameras, "cameras"));
    }

    public CameraSettings forCamera(String cameraId) {
        return cameras.getOrDefault(cameraId, CameraSettings.NONE);
    }

    /** Problems with key paths, checked against the COCO class names; empty when valid. */
    public List<String> validate() {
        return validate(ModelCatalogue.COCO_CLASSES);
    }

    /** Problems with key paths, class filters checked against {@code knownClasses}; empty when valid. */
    public List<String> validate(List<String> knownClasses) {
        List<String> problems = new ArrayList<>();
        if (trackTimeoutFrames < 0) {
            problems.add(ROOT + ".track-timeout-frames: must be >= 0, got " + trackTimeoutFrames);
        }
        cameras.forEach((camera, settings) -> {
            String cam = ROOT + ".cameras." + camera;
            Set<String> names = new HashSet<>();
            for (int i = 0; i < settings.lines().size(); i++) {
                LineSettings line = settings.lines().get(i);
                String path = cam + ".lines[" + i + "]";
                checkName(line.name(), names, "line", path, problems);
                if (Geometry.length(line.a(), line.b()) == 0) {
                    problems.add(path + ".points: zero-length line");
                }
                if (line.minFramesOnSide() < 1) {
                    problems.add(path + ".min-frames-on-side: must be >= 1, got " + line.minFramesOnSide());
                }
                checkClasses(line.classes(), knownClasses, path + ".classes", problems);
            }
            names.clear();
            for (int i = 0; i < settings.zones().size(); i++) {
                ZoneSettings zone = settings.zones().get(i);
                String path = cam + ".zones[" + i + "]";
                checkName(zone.name(), names, "zone", path, problems);
                List<Point> polygon = zone.polygon();
                if (polygon.size() < 3) {
                    problems.add(path + ".polygon: needs at least 3 points, got " + polygon.size());
                } else {
                    int[] crossing = Geometry.selfIntersection(polygon);
                    if (Geometry.doubleArea(polygon) == 0 && polygon.stream().allMatch(
                            q -> Geometry.side(polygon.get(0), polygon.get(1), q) == 0)) {
                        problems.add(path + ".polygon: degenerate polygon (zero area)");
                    } else if (crossing != null) {
                        problems.add(path + ".polygon: self-intersecting polygon (edges " + crossing[0] + " and "
                                + crossing[1] + " cross)");
                    }
                }
                if (zone.entryFrames() < 1) {
                    problems.add(path + ".entry-frames: must be >= 1, got " + zone.entryFrames());
                }
                if (zone.exitFrames() < 1) {
                    problems.add(path + ".exit-frames: must be >= 1, got " + zone.exitFrames());
                }
                if (!(zone.loiteringSeconds() >= 0) || Double.isInfinite(zone.loiteringSeconds())) {
                    problems.add(path + ".loitering-seconds: must be a finite number >= 0 (0 = off), got "
                            + zone.loiteringSeconds());
                }
                checkClasses(zone.classes(), knownClasses, path + ".classes", problems);
            }
        });
        return problems;
    }

    private static void checkName(String name, Set<String> seen, String what, String path, List<String> problems) {
        if (name.isBlank()) {
            problems.add(path + ".name: must not be empty");
        } else if (!seen.add(name)) {
            problems.add(path + ".name: duplicate " + what + " name '" + name + "'");
        }
    }

    private static void checkClasses(Collection<String> classes, List<String> known, String path, List<String> problems) {
        for (String c : classes) {
            if (!known.contains(c)) {
                String closest = closest(c, known);
                problems.add(path + ": unknown class '" + c + "' (known: "
                        + String.join(", ", known.subList(0, Math.min(3, known.size())))
                        + (known.size() > 3 ? ", …" : "") + (closest != null ? "; did you mean '" + closest + "'?" : "")
                        + ")");
            }
        }
    }

    /** The known name within edit distance 2 of {@code name} (a swap of neighbours is one edit), if any. */
    private static String closest(String name, List<String> known) {
        return Suggestions.nearest(name, known, UnaryOperator.identity(), true)
                .filter(nearest -> nearest.distance() <= 2)
                .map(Suggestions.Nearest::name)
                .orElse(null);
    }
}
