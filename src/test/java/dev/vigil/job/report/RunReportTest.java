package dev.vigil.job.report;

import dev.vigil.job.ExitCodes;
import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.vigil.testing.ReportPages.count;
import static dev.vigil.testing.ReportPages.figures;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil report} on small hand-written outputs: every section has its chart, the rejects are grouped
 * by reason, snapshots are embedded, missing files leave notes instead of failing, and bad arguments are
 * refused with exit code 2. The browser test of a real run is {@code RunReportIT}.
 */
class RunReportTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void drawsEverySectionFromTheRunsFiles() throws Exception {
        Files.write(dir.resolve("counts.jsonl"), List.of(
                counts(0, "car", 4, "{\"line\":\"gate\",\"in\":3,\"out\":1}", 2, 0.5),
                counts(0, "person", 1, "", 1, 0.25),
                counts(10_000, "car", 2, "{\"line\":\"gate\",\"in\":1,\"out\":0}", 1, 0.1)));
        Files.write(dir.resolve("tracks.jsonl"), List.of(
                "{\"camera_id\":\"gate\",\"sequence\":0,\"width\":640,\"height\":360,\"objects\":["
                        + "{\"track_id\":1,\"box\":[10,10,50,100]},{\"track_id\":2,\"box\":[300,100,340,200]}]}",
                "{\"camera_id\":\"gate\",\"sequence\":1,\"width\":640,\"height\":360,\"objects\":["
                        + "{\"track_id\":1,\"box\":[12,10,52,100]}]}",
                "not json, as a file cut off mid-line"));
        Files.write(dir.resolve("detections.jsonl"), List.of(detection(0, 40), detection(1, 900), detection(2, 60)));
        Files.write(dir.resolve("rejects.jsonl"), List.of(
                reject(5, "track", "frame 5 of camera 'gate' arrived after a later frame had been tracked"),
                reject(9, "track", "frame 9 of camera 'gate' arrived after a later frame had been tracked"),
                reject(12, "decode", "frames 12 to 20 missing from gate.mp4")));
        Files.createDirectories(dir.resolve("snapshots/gate"));
        ImageIO.write(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB), "jpg",
                dir.resolve("snapshots/gate/e1.jpg").toFile());
        Files.write(dir.resolve("events.jsonl"), List.of(
                "{\"event_id\":\"e1\",\"type\":\"line_crossed\",\"timestamp_ms\":500,\"camera_id\":\"gate\","
                        + "\"track_id\":1,\"label\":\"car\",\"line\":\"gate\",\"direction\":\"in\","
                        + "\"snapshot\":\"gate/e1.jpg\"}",
                "{\"event_id\":\"e2\",\"type\":\"zone_exited\",\"timestamp_ms\":900,\"camera_id\":\"gate\","
                        + "\"track_id\":1,\"label\":\"car\",\"zone\":\"yard\"}"));

        assertThat(VigilCli.execute("report", dir.toString())).as(console.stderr()).isEqualTo(ExitCodes.OK);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(figures(html, "class-counts")).contains("<rect class=\"bar\" data-series=\"person\"");
        assertThat(count(figures(html, "line-crossings"), "<rect class=\"bar\"")).isEqualTo(3);
        assertThat(figures(html, "line-crossings")).contains("4 in and 1 out in all");
        assertThat(count(figures(html, "zone-occupancy"), "<circle class=\"point\"")).isEqualTo(6);
        assertThat(count(figures(html, "heatmap"), "<rect class=\"cell\"")).isEqualTo(2);
        assertThat(figures(html, "frame-timing")).contains("<path class=\"series\"");
        assertThat(html).contains("<td class=\"n\">900</td>");
        assertThat(html).contains("frame N of camera &#39;…&#39; arrived after a later frame had been tracked</td>"
                + "<td class=\"n\">2</td><td class=\"n\">2</td>");
        assertThat(html).contains("frames N to N missing from gate.mp4</td><td class=\"n\">1</td><td class=\"n\">9</td>");
        assertThat(html).contains("<a href=\"snapshots/gate/e1.jpg\"><img src=\"data:image/jpeg;base64,");
        assertThat(console.stdout()).contains("report: " + dir.resolve("report.html"))
                .contains("tracks: 1 unreadable lines");
    }

    @Test
    void leavesOutWhatIsMissingWithANote() throws Exception {
        assertThat(VigilCli.execute("report", dir.toString(), "-o", dir.resolve("r/empty.html").toString()))
                .as(console.stderr()).isEqualTo(ExitCodes.OK);

        String html = Files.readString(dir.resolve("r/empty.html"));
        assertThat(html).doesNotContain("<figure").contains("data-report-ready")
                .contains("zone occupancy left out: the counts file, no file at " + dir.resolve("counts.jsonl"))
                .contains("The heat map left out: the tracks file, no file at")
                .contains("The reject reasons left out: the rejects file");
        assertThat(console.stdout()).contains("note: events: no file at");
    }

    @Test
    void refusesArgumentsItCannotUse() {
        assertThat(VigilCli.execute("report")).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("OUT_DIR: give the run's output folder, or its config with -c");
        assertThat(VigilCli.execute("report", dir.resolve("nope").toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("is not a folder");
        assertThat(VigilCli.execute("report", dir.toString(), "--snapshots-per-camera", "-1"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("--snapshots-per-camera: expected 0 or more");
        assertThat(VigilCli.execute("report", dir.toString(), "-o", dir.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("--output: ");
        assertThat(VigilCli.execute("report", "-c", "conf/street-analytics.yaml", "--set", "output.repot-path=x"))
                .isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("did you mean output.report-path?");
        assertThat(Files.exists(dir.resolve("report.html"))).isFalse();
    }

    private static String counts(long start, String label, int tracks, String line, int zoneMax, double zoneAvg) {
        return "{\"camera_id\":\"gate\",\"window_start_ms\":" + start + ",\"window_end_ms\":" + (start + 10_000)
                + ",\"label\":\"" + label + "\",\"distinct_tracks\":" + tracks + ",\"frames\":240,\"lines\":[" + line
                + "],\"zones\":[{\"zone\":\"yard\",\"max\":" + zoneMax + ",\"avg\":" + zoneAvg + "}]}";
    }

    private static String detection(long sequence, long latency) {
        return "{\"camera_id\":\"gate\",\"sequence\":" + sequence + ",\"timestamp_ms\":" + sequence * 40
                + ",\"detections\":[],\"timing\":{\"ingest_time_ms\":1000,\"detected_at_ms\":" + (1000 + latency)
                + ",\"batch_size\":1,\"preprocess_us\":800,\"inference_us\":9000,\"postprocess_us\":120}}";
    }

    private static String reject(long sequence, String stage, String reason) {
        long last = reason.startsWith("frames") ? 20 : sequence;
        return "{\"camera_id\":\"gate\",\"sequence\":" + sequence + ",\"last_sequence\":" + last + ",\"frames\":"
                + (last - sequence + 1) + ",\"timestamp_ms\":0,\"stage\":\"" + stage + "\",\"reason\":\"" + reason
                + "\",\"rejected_at_ms\":0}";
    }
}
