package dev.vigil.job;

import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.config.VisualOptions;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.AnalyticsSettings;
import dev.vigil.operators.analytics.SnapshotPolicy;
import dev.vigil.operators.visual.VisualSettings;
import dev.vigil.sinks.video.AnnotatedVideoSink;
import dev.vigil.sinks.video.DrawOptions;
import dev.vigil.sinks.video.SnapshotSink;
import dev.vigil.sinks.video.VideoSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotated video and the event snapshots of a job, from {@code output.annotated*} and
 * {@code output.snapshots*}, checked on the client: folders that are files or cannot be created, values
 * out of range, folders that hold what the run reads. Without either folder the job has no drawing stage.
 *
 * @param frames which frames the drawing stage takes, at what size
 * @param video the annotated video sink, or null
 * @param snapshots the snapshot sink, or null
 * @param policy which events get snapshots, or null
 */
record VisualOutputs(VisualSettings frames, AnnotatedVideoSink video, SnapshotSink snapshots, SnapshotPolicy policy) {

    /** The outputs the config asks for (empty when neither folder is set), with problems noted. */
    static Optional<VisualOutputs> fromConfig(VigilConfig config, AnalyticsSettings analytics, Map<String, Path> read,
            List<String> problems) {
        boolean annotate = config.isSet(VisualOptions.ANNOTATED_DIR);
        boolean snap = config.isSet(VisualOptions.SNAPSHOTS_DIR);
        int before = problems.size();
        double scale = config.get(VisualOptions.ANNOTATED_SCALE);
        if (scale <= 0) {
            problems.add(VisualOptions.ANNOTATED_SCALE.key() + ": expected a number above 0 and at most 1, got " + scale);
        }
        if (config.get(VisualOptions.ANNOTATED_SEGMENT).toMillis() < 1000) {
            problems.add(VisualOptions.ANNOTATED_SEGMENT.key() + ": expected at least 1s, got "
                    + config.get(VisualOptions.ANNOTATED_SEGMENT).toMillis() + " ms");
        }
        DrawOptions draw = draw(config.get(VisualOptions.ANNOTATED_DRAW), problems);
        Set<AnalyticsEvent.Type> types = types(config.get(VisualOptions.SNAPSHOTS_EVENTS), problems);
        String template = config.get(VisualOptions.SNAPSHOTS_URL_TEMPLATE);
        if (template != null && !template.contains(SnapshotPolicy.PATH_PLACEHOLDER)) {
            problems.add(VisualOptions.SNAPSHOTS_URL_TEMPLATE.key() + ": '" + template + "' has no "
                    + SnapshotPolicy.PATH_PLACEHOLDER + " where the snapshot's path goes");
        }
        Path videoDir = annotate ? folder(config, VisualOptions.ANNOTATED_DIR, read, problems) : null;
        Path snapDir = snap ? folder(config, VisualOptions.SNAPSHOTS_DIR, read, problems) : null;
        if (videoDir != null && snapDir != null
                && videoDir.toAbsolutePath().normalize().equals(snapDir.toAbsolutePath().normalize())) {
            problems.add(VisualOptions.SNAPSHOTS_DIR.key() + ": " + snapDir.toAbsolutePath().normalize() + " is also "
                    + VisualOptions.ANNOTATED_DIR.key() + "; give each a folder of its own");
        }
        if (snap && analytics == null) {
            problems.add(VisualOptions.SNAPSHOTS_DIR.key() + ": snapshots are of analytics events; configure analytics "
                    + "(and tracking)");
        }
        if (!annotate && !snap || problems.size() > before) {
            return Optional.empty();
        }
        boolean bounded = "file".equals(config.get(VigilOptions.INPUT_TYPE)) && !config.get(VigilOptions.INPUT_LOOP);
        List<String> cameras = config.get(VisualOptions.ANNOTATED_CAMERAS);
        VisualSettings frames = new VisualSettings(cameras == null ? Set.of() : Set.copyOf(cameras), annotate,
                config.get(VisualOptions.ANNOTATED_STRIDE).intValue(), scale, snap);
        AnalyticsSettings geometry = analytics == null ? AnalyticsSettings.EMPTY : analytics;
        AnnotatedVideoSink video = !annotate ? null : new AnnotatedVideoSink(new VideoSettings(
                videoDir.toAbsolutePath().toString(), bounded, config.get(VisualOptions.ANNOTATED_SEGMENT),
                config.get(VisualOptions.ANNOTATED_MAX_SEGMENTS).intValue(),
                config.get(VisualOptions.ANNOTATED_MAX_BYTES), scale, draw, geometry));
        SnapshotSink snapshots = null;
        SnapshotPolicy policy = null;
        if (snap) {
            long perMinute = bounded && !config.isGiven(VisualOptions.SNAPSHOTS_MAX_PER_MINUTE) ? 0
                    : config.get(VisualOptions.SNAPSHOTS_MAX_PER_MINUTE);
            long maxBytes = bounded && !config.isGiven(VisualOptions.SNAPSHOTS_MAX_BYTES) ? 0
                    : config.get(VisualOptions.SNAPSHOTS_MAX_BYTES);
            policy = new SnapshotPolicy(types, (int) perMinute, template);
            snapshots = new SnapshotSink(new SnapshotSink.Settings(snapDir.toAbsolutePath().toString(),
                    config.get(VisualOptions.SNAPSHOTS_CROP), config.get(VisualOptions.SNAPSHOTS_QUALITY).intValue(),
                    maxBytes));
        }
        return Optional.of(new VisualOutputs(frames, video, snapshots, policy));
    }

    /** An output folder: not a file, creatable, and holding nothing the run reads. */
    private static Path folder(VigilConfig config, ConfigOption<String> option, Map<String, Path> read,
            List<String> problems) {
        int before = problems.size();
        Path dir = config.path(option, problems);
        if (problems.size() > before) {
            return dir;
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            problems.add(option.key() + ": " + abs + " is a file; give a folder");
            return dir;
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            problems.add(option.key() + ": cannot create " + abs + " (no writable folder above it)");
        }
        for (Map.Entry<String, Path> input : read.entrySet()) {
            Path in = input.getValue().toAbsolutePath().normalize();
            if (in.startsWith(abs)) {
                problems.add(option.key() + ": " + abs + " holds " + input.getKey() + " (" + in
                        + "), which this run reads; give an output folder of its own");
            }
        }
        return dir;
    }

    private static DrawOptions draw(List<String> names, List<String> problems) {
        EnumSet<DrawOptions.Element> elements = EnumSet.noneOf(DrawOptions.Element.class);
        for (String name : names) {
            try {
                elements.add(DrawOptions.Element.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(VisualOptions.ANNOTATED_DRAW.key() + ": unknown '" + name + "'; expected any of "
                        + String.join(", ", VisualOptions.DRAW_ELEMENTS));
            }
        }
        return new DrawOptions(elements);
    }

    private static Set<AnalyticsEvent.Type> types(List<String> names, List<String> problems) {
        EnumSet<AnalyticsEvent.Type> types = EnumSet.noneOf(AnalyticsEvent.Type.class);
        for (String name : names) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (VisualOptions.SNAPSHOT_EVENTS.contains(n)) {
                types.add(AnalyticsEvent.Type.valueOf(n.toUpperCase(Locale.ROOT)));
            } else {
                problems.add(VisualOptions.SNAPSHOTS_EVENTS.key() + ": unknown event type '" + name + "'; expected any of "
                        + String.join(", ", VisualOptions.SNAPSHOT_EVENTS));
            }
        }
        return types;
    }
}
