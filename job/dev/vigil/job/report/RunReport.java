package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The run report: reads a run's JSON Lines outputs and writes one self-contained HTML page with, per
 * camera, counts per class over time, line crossings, zone occupancy, a heat map of where objects were
 * and a gallery of event snapshots; then the slowest frames and the reject reasons. A file that is
 * missing or unreadable leaves its sections out with a note saying which file and what writes it.
 */
public final class RunReport {

    /** Where the report went, and what it had to leave out. */
    public record Outcome(Path file, List<String> notes) {}

    private static final String COUNTS = "counts";

    private final ReportInputs inputs;
    private final int snapshotsPerCamera;

    private final ClassCounts classCounts = new ClassCounts();
    private final LineCrossings crossings = new LineCrossings();
    private final ZoneOccupancy occupancy = new ZoneOccupancy();
    private final TrackHeatmap heatmap = new TrackHeatmap();
    private final FrameTimings timings = new FrameTimings();
    private final RejectReasons rejects = new RejectReasons();
    private final SnapshotGallery gallery;
    private final Map<String, Map<String, Long>> eventsByType = new TreeMap<>();
    /** File name → what reading it gave, or why it was not read; in the order read. */
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> missing = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    public RunReport(ReportInputs inputs, int snapshotsPerCamera) {
        this.inputs = inputs;
        this.snapshotsPerCamera = snapshotsPerCamera;
        this.gallery = new SnapshotGallery(snapshotsPerCamera);
    }

    /** Reads the run's files and writes the report to {@code html} (its folder is made if need be). */
    public Outcome write(Path html) throws IOException {
        read(COUNTS, inputs.counts(), "analytics (an analytics section) writes it", record -> {
            classCounts.accept(record);
            crossings.accept(record);
            occupancy.accept(record);
        });
        read("tracks", inputs.tracks(), "tracking (tracking.enabled: true) writes it", heatmap::accept);
        read("detections", inputs.detections(), "output.type jsonl writes it", timings::accept);
        read("rejects", inputs.rejects(), "every run writes it", rejects::accept);
        read("events", inputs.events(), "analytics (an analytics section) writes it", event -> {
            gallery.accept(event);
            eventsByType.computeIfAbsent(event.path("camera_id").asText("(configuration)"), c -> new TreeMap<>())
                    .merge(event.path("type").asText("?"), 1L, Long::sum);
        });

        Path folder = html.toAbsolutePath().getParent();
        ReportPage page = new ReportPage("Vigil run report");
        page.heading(1, "Vigil run report", null);
        page.paragraph("sub", "Made " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " from "
                + folderOf(inputs) + ". Hover over a bar, point or cell for its figures.");
        filesTable(page);
        TreeSet<String> cameras = new TreeSet<>();
        cameras.addAll(classCounts.cameras());
        cameras.addAll(heatmap.cameras());
        cameras.addAll(gallery.cameras());
        cameras.addAll(timings.cameras());
        eventsByType.keySet().stream().filter(c -> !c.equals("(configuration)")).forEach(cameras::add);
        if (cameras.size() > 1) {
            StringBuilder nav = new StringBuilder("<nav>Cameras: ");
            cameras.forEach(c -> nav.append("<a href=\"#camera-").append(Markup.escape(c)).append("\">")
                    .append(Markup.escape(c)).append("</a>"));
            page.html(nav.append("<a href=\"#timing\">slowest frames</a><a href=\"#rejects\">rejects</a></nav>")
                    .toString());
        }
        if (cameras.isEmpty()) {
            noCameras(page);
        }
        for (String camera : cameras) {
            cameraSection(page, camera, folder);
        }
        timingSection(page);
        rejectSection(page);
        Files.createDirectories(folder);
        Files.writeString(html, page.render(), StandardCharsets.UTF_8);
        return new Outcome(html, List.copyOf(notes));
    }

    private void read(String what, Path file, String writtenBy, Consumer<JsonNode> each) {
        if (file == null) {
            missing.put(what, "not an output of this run's config");
            files.put(what, "not an output of this run");
            return;
        }
        if (!Files.isRegularFile(file)) {
            missing.put(what, "no file at " + file + " (" + writtenBy + ")");
            files.put(what, file + ": not found");
            notes.add(what + ": no file at " + file);
            return;
        }
        try {
            JsonLines.Read read = JsonLines.forEach(file, each);
            files.put(what, file + ": " + read.records() + " records"
                    + (read.unreadable() == 0 ? "" : ", " + read.unreadable() + " unreadable lines skipped"));
            if (read.unreadable() > 0) {
                notes.add(what + ": " + read.unreadable() + " unreadable lines in " + file + " skipped");
            }
        } catch (IOException | RuntimeException e) {
            missing.put(what, "could not read " + file + ": " + e.getMessage());
            files.put(what, file + ": could not be read (" + e.getMessage() + ")");
            notes.add(what + ": could not read " + file + ": " + e.getMessage());
        }
    }

    private static String folderOf(ReportInputs inputs) {
        return inputs.rejects() != null ? inputs.rejects().toAbsolutePath().getParent().toString() : "the run's files";
    }

    private void filesTable(ReportPage page) {
        StringBuilder table = new StringBuilder("<table class=\"files\"><tr><th>output</th><th>read</th></tr>");
        files.forEach((what, how) -> table.append("<tr><td>").append(what).append("</td><td>")
                .append(Markup.escape(how)).append("</td></tr>"));
        page.html(table.append("</table>").toString());
    }

    /** No file named a camera: the per-camera sections are left out, each with its file's reason. */
    private void noCameras(ReportPage page) {
        page.heading(2, "Cameras", null);
        page.note("cameras", "No camera in any of the run's files: counts, crossings, zones, the heat map and the "
                + "snapshots are left out.");
        leftOut(page, COUNTS, "Counts per class, line crossings and zone occupancy");
        leftOut(page, "tracks", "The heat map");
        leftOut(page, "events", "The snapshots");
    }

    /** Whether the file {@code what} is missing, in which case {@code sections} are noted as left out. */
    private boolean leftOut(ReportPage page, String what, String sections) {
        if (!missing.containsKey(what)) {
            return false;
        }
        page.note(what, sections + " left out: the " + what + " file, " + missing.get(what) + ".");
        return true;
    }

    private void cameraSection(ReportPage page, String camera, Path folder) {
        page.heading(2, "Camera " + camera, "camera-" + camera);
        Map<String, Long> events = eventsByType.getOrDefault(camera, Map.of());
        if (!events.isEmpty()) {
            StringBuilder text = new StringBuilder("Events: ");
            events.forEach((type, n) -> text.append(type).append(' ').append(n).append(", "));
            page.paragraph("sub", text.substring(0, text.length() - 2));
        }
        page.openGrid();
        countFigures(page, camera);
        heatmapFigure(page, camera);
        page.closeGrid();
        gallerySection(page, camera, folder);
    }

    /** Counts per class, then each line's crossings and each zone's occupancy, from the windowed counts. */
    private void countFigures(ReportPage page, String camera) {
        if (leftOut(page, COUNTS, "Counts per class, line crossings and zone occupancy")) {
            return;
        }
        if (!classCounts.cameras().contains(camera)) {
            page.note(COUNTS, "No windowed counts for this camera.");
            return;
        }
        Map<String, String> legend = new LinkedHashMap<>();
        classCounts.labels(camera).forEach(label -> legend.put(label, Palette.of(label)));
        page.figure("class-counts", camera, "Objects per class over time", classCounts.chart(camera), legend,
                "distinct confirmed tracks of each class per count window (counts.window), stacked");
        for (String line : crossings.lines(camera)) {
            long[] totals = crossings.totals(camera, line);
            page.figure("line-crossings", camera, "Line '" + line + "'", crossings.chart(camera, line),
                    ReportPage.legend("in", Palette.IN, "out", Palette.OUT), "crossings per count window, all classes: "
                            + totals[0] + " in and " + totals[1] + " out in all");
        }
        if (crossings.lines(camera).isEmpty()) {
            page.note("line-crossings", "No line was crossed on this camera (or it has no lines).");
        }
        for (String zone : occupancy.zones(camera)) {
            Map<String, String> zoneLegend = new LinkedHashMap<>();
            occupancy.labels(camera, zone).forEach(label -> zoneLegend.put(label + " (most)", Palette.of(label)));
            zoneLegend.put("mean, all classes", Palette.MEAN);
            page.figure("zone-occupancy", camera, "Zone '" + zone + "'", occupancy.chart(camera, zone), zoneLegend,
                    "per count window: the most tracks of each class inside in one frame, and the mean number "
                            + "inside per frame");
        }
    }

    private void heatmapFigure(ReportPage page, String camera) {
        if (leftOut(page, "tracks", "The heat map")) {
            return;
        }
        if (!heatmap.cameras().contains(camera)) {
            page.note("heatmap", "No tracked frames for this camera.");
            return;
        }
        Optional<String> background = gallery.shown(camera).stream().filter(s -> !s.isUrl()).findFirst()
                .flatMap(s -> snapshotFile(s).flatMap(Thumbnails::dataUri));
        page.figure("heatmap", camera, "Where objects were", heatmap.svg(camera, background.orElse(null)),
                ReportPage.legend("few", Palette.heat(0), "many", Palette.heat(1)),
                heatmap.objects(camera) + " tracked objects over " + heatmap.frames(camera) + " frames, counted at "
                        + "the bottom centre of each box in a " + TrackHeatmap.COLUMNS + "-column grid, log scale"
                        + (background.isPresent() ? ", over the camera's first snapshot" : ""));
    }

    private void gallerySection(ReportPage page, String camera, Path folder) {
        page.heading(3, "Event snapshots", null);
        if (leftOut(page, "events", "The snapshots")) {
            return;
        }
        List<SnapshotGallery.Snapshot> shown = gallery.shown(camera);
        if (shown.isEmpty()) {
            page.note("gallery", "No event of this camera names a snapshot (output.snapshots-dir makes them).");
            return;
        }
        StringBuilder html = new StringBuilder("<div class=\"gallery\" data-camera=\"")
                .append(Markup.escape(camera)).append("\">");
        int unreadable = 0;
        for (SnapshotGallery.Snapshot s : shown) {
            Optional<Path> file = snapshotFile(s);
            Optional<String> thumbnail = s.isUrl() ? Optional.of(s.snapshot()) : file.flatMap(Thumbnails::dataUri);
            String caption = TimeLabels.format(s.timestampMillis()) + " · " + s.caption();
            html.append("<figure class=\"snapshot\" data-event-type=\"").append(Markup.escape(s.type())).append("\">");
            if (thumbnail.isPresent()) {
                String href = s.isUrl() ? s.snapshot() : relativeLink(folder, file.get());
                html.append("<a href=\"").append(Markup.escape(href)).append("\"><img src=\"")
                        .append(Markup.escape(thumbnail.get())).append("\" alt=\"").append(Markup.escape(caption))
                        .append("\"></a>");
            } else {
                unreadable++;
                html.append("<p class=\"note\">image not found: ").append(Markup.escape(s.snapshot())).append("</p>");
            }
            html.append("<figcaption>").append(Markup.escape(caption)).append("</figcaption></figure>");
        }
        page.html(html.append("</div>").toString());
        if (gallery.notShown(camera) > 0) {
            page.note("gallery", gallery.notShown(camera) + " more snapshots of this camera are not shown (at most "
                    + snapshotsPerCamera + " per camera; see --snapshots-per-camera).");
        }
        if (unreadable > 0) {
            String where = inputs.snapshots() == null ? "no snapshots folder was given" : "looked in "
                    + inputs.snapshots();
            page.note("gallery", unreadable + " snapshot images could not be read (" + where + ").");
            notes.add("snapshots of " + camera + ": " + unreadable + " images could not be read (" + where + ")");
        }
    }

    private Optional<Path> snapshotFile(SnapshotGallery.Snapshot s) {
        if (s.isUrl() || inputs.snapshots() == null) {
            return Optional.empty();
        }
        Path file = inputs.snapshots().resolve(s.snapshot()).normalize();
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A link from the report's folder to {@code target}, relative where the two share a root. */
    static String relativeLink(Path folder, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (folder == null || !absolute.getRoot().equals(folder.getRoot())) {
            return absolute.toUri().toString();
        }
        List<String> parts = new ArrayList<>();
        for (Path part : folder.relativize(absolute)) {
            parts.add(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", parts);
    }

    private void timingSection(ReportPage page) {
        page.heading(2, "Slowest frames", "timing");
        if (leftOut(page, "detections", "The frame timings")) {
            return;
        }
        if (timings.frames() == 0) {
            page.note("timing", "No detection record carries timing.");
            return;
        }
        page.paragraph("sub", String.format(java.util.Locale.ROOT, "%d frames; frame-to-result latency p50 %d ms, "
                        + "p95 %d ms, p99 %d ms, slowest %d ms; %.1f ms per frame in the model on average.",
                timings.frames(), timings.latencyPercentile(0.5), timings.latencyPercentile(0.95),
                timings.latencyPercentile(0.99), timings.latencyPercentile(1.0), timings.meanModelMillis()));
        Map<String, String> legend = new LinkedHashMap<>();
        int index = 0;
        for (String camera : timings.cameras()) {
            legend.put(camera + (timings.framesPerPoint(camera) > 1
                    ? " (slowest of every " + timings.framesPerPoint(camera) + " frames)" : ""), Palette.series(index++));
        }
        page.openGrid().figure("frame-timing", "", "Time per frame", timings.chart(), legend, "solid: ingest to "
                + "result (queueing included); dashed: the model's own time (pre-processing, inference, "
                + "post-processing)");
        StringBuilder table = new StringBuilder("<table class=\"slowest\"><tr><th>camera</th><th>frame</th>"
                + "<th>time</th><th>latency ms</th><th>model ms (pre + inference + post)</th><th>batch</th></tr>");
        for (FrameTimings.Timing t : timings.slowest()) {
            table.append("<tr><td>").append(Markup.escape(t.camera())).append("</td><td class=\"n\">")
                    .append(t.sequence()).append("</td><td class=\"n\">").append(TimeLabels.format(t.timestampMillis()))
                    .append("</td><td class=\"n\">").append(t.latencyMillis()).append("</td><td class=\"n\">")
                    .append(Markup.num(t.modelMicros() / 1000.0)).append(" (")
                    .append(Markup.num(t.preprocessMicros() / 1000.0)).append(" + ")
                    .append(Markup.num(t.inferenceMicros() / 1000.0)).append(" + ")
                    .append(Markup.num(t.postprocessMicros() / 1000.0)).append(")</td><td class=\"n\">")
                    .append(t.batchSize()).append("</td></tr>");
        }
        page.html(table.append("</table>").toString()).closeGrid();
    }

    private void rejectSection(ReportPage page) {
        page.heading(2, "Rejects", "rejects");
        if (leftOut(page, "rejects", "The reject reasons")) {
            return;
        }
        if (rejects.records() == 0) {
            page.fine("rejects", "No rejects: every frame was processed.");
            return;
        }
        page.paragraph("sub", rejects.records() + " reject records for " + rejects.frames() + " frames, by reason:");
        long most = rejects.groups().get(0).frames;
        StringBuilder table = new StringBuilder("<table class=\"rejects\"><tr><th>stage</th><th>reason</th>"
                + "<th>records</th><th>frames</th><th></th><th>cameras</th></tr>");
        for (RejectReasons.Group g : rejects.groups()) {
            double width = 120.0 * g.frames / most;
            table.append("<tr><td>").append(Markup.escape(g.stage)).append("</td><td title=\"")
                    .append(Markup.escape(g.example)).append("\">").append(Markup.escape(g.pattern))
                    .append("</td><td class=\"n\">").append(g.records).append("</td><td class=\"n\">").append(g.frames)
                    .append("</td><td><svg class=\"chart-svg reason-bar\" data-kind=\"rejects\" width=\"124\" "
                            + "height=\"12\" viewBox=\"0 0 124 12\"><rect class=\"bar\" x=\"0\" y=\"1\" width=\"")
                    .append(Markup.num(Math.max(1, width))).append("\" height=\"10\" fill=\"").append(Palette.OUT)
                    .append("\"><title>").append(g.frames).append(" frames</title></rect></svg></td><td>")
                    .append(Markup.escape(String.join(", ", g.cameras))).append("</td></tr>");
        }
        page.html(table.append("</table>").toString());
    }
}
