package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.StreetRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.vigil.testing.ReportPages.count;
import static dev.vigil.testing.ReportPages.figures;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run report of {@code conf/street-analytics.yaml} on the real street video, with the real model,
 * snapshots on, rendered in a real browser: Debian's headless Chromium loads the page from disk, and
 * the DOM it gives back after the scripts ran must have no JavaScript error and no image that failed
 * to load, the page's last script must have run, and every chart must have content: bars for the
 * classes and the crossings, points for the zone, cells in the heat map, the timing line, and every
 * snapshot of the events file in the gallery (the 8 crossings among them). The run writes the report
 * itself ({@code output.report-path}); {@code vigil report} then writes it again from the folder.
 * Without Chromium (CI installs it) the browser part is skipped with a message.
 */
class RunReportIT {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void theReportOfTheStreetRunRendersInABrowser() throws Exception {
        int exit = VigilCli.execute(StreetRun.args(dir, "--set", "job.checkpoint-interval=0",
                "--set", "output.snapshots-dir=" + dir.resolve("snapshots"),
                "--set", "output.report-path=" + dir.resolve("run-report.html")));
        assertThat(exit).as(console.stderr()).isZero();
        assertThat(console.stdout() + console.stderr()).contains("report: " + dir.resolve("run-report.html"));
        assertThat(VigilCli.execute("report", dir.toString())).as(console.stderr()).isZero();
        Path report = dir.resolve("report.html");
        assertThat(Files.size(report)).isBetween(10_000L, 3_000_000L);
        List<String> snapshots = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        int crossings = 0;
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            JsonNode event = json.readTree(line);
            if (event.has("snapshot")) {
                snapshots.add(event.get("snapshot").asText());
            }
            crossings += event.get("type").asText().equals("line_crossed") ? 1 : 0;
        }
        assertThat(crossings).isEqualTo(8);

        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium; .ci/run "
                + "installs it): the report was written but not rendered in a browser");
        String dom = browser(chromium.get(), "--dump-dom", "--virtual-time-budget=5000", report.toUri().toString());
        String root = dom.substring(dom.indexOf("<html"), dom.indexOf('>', dom.indexOf("<html")));
        assertThat(root).as("the page's last script ran").contains("data-report-ready=\"true\"")
                .doesNotContain("data-js-errors").doesNotContain("data-broken-images");
        assertThat(dom).contains("<ul id=\"js-errors\" hidden=\"\"></ul>");
        // The watch itself works: the same page with a failing script and a missing image says so.
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, Files.readString(report).replace("</main>",
                "<img alt=\"gone\" src=\"gone.png\"></main><script>noSuchFunction();</script>"));
        String brokenDom = browser(chromium.get(), "--dump-dom", "--virtual-time-budget=5000", broken.toUri().toString());
        assertThat(brokenDom).contains("data-js-errors=\"1\"").contains("data-broken-images=\"1\"")
                .contains("noSuchFunction");

        assertThat(count(figures(dom, "class-counts"), "<rect class=\"bar\"")).isGreaterThanOrEqualTo(8);
        assertThat(count(figures(dom, "line-crossings"), "<rect class=\"bar\" data-series=\"in\"")).isGreaterThan(0);
        assertThat(figures(dom, "line-crossings")).contains("8 in and 0 out in all");
        String zone = figures(dom, "zone-occupancy");
        assertThat(count(zone, "<path class=\"series\"")).isGreaterThanOrEqualTo(2);
        assertThat(count(zone, "<circle class=\"point\"")).isGreaterThanOrEqualTo(4);
        assertThat(count(figures(dom, "heatmap"), "<rect class=\"cell\"")).isGreaterThan(50);
        assertThat(figures(dom, "frame-timing")).contains("<path class=\"series\"");
        assertThat(dom).contains("No rejects: every frame was processed.");

        Matcher images = Pattern.compile("<figure class=\"snapshot\" data-event-type=\"([a-z_]+)\"><a href=\"([^\"]+)\">"
                + "<img src=\"data:image/jpeg;base64,").matcher(dom);
        Set<String> linked = new HashSet<>();
        int crossingSnapshots = 0;
        while (images.find()) {
            linked.add(images.group(2));
            crossingSnapshots += images.group(1).equals("line_crossed") ? 1 : 0;
        }
        assertThat(linked).containsExactlyInAnyOrderElementsOf(snapshots.stream().map(s -> "snapshots/" + s).toList());
        assertThat(crossingSnapshots).isEqualTo(8);
        for (String link : linked) {
            assertThat(dir.resolve(link)).as("the full-size link").isRegularFile();
        }

        Path screenshot = dir.resolve("report.png");
        browser(chromium.get(), "--screenshot=" + screenshot, "--window-size=1280,2400", report.toUri().toString());
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(distinctColours(shot)).as("a page of charts and pictures, not a blank one").isGreaterThan(500);
    }

    /** Chromium, where Debian installs it or on the PATH. */
    static Optional<Path> chromium() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                candidates.add(Path.of(folder, "chromium"));
                candidates.add(Path.of(folder, "chromium-browser"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Runs headless Chromium on a page and returns its standard output (the DOM, with --dump-dom). */
    static String browser(Path chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("chromium", ".log");
        Process browser = new ProcessBuilder(command).redirectError(log.toFile()).start();
        byte[] out = browser.getInputStream().readAllBytes();
        if (!browser.waitFor(2, TimeUnit.MINUTES)) {
            browser.destroyForcibly();
        }
        assertThat(browser.exitValue()).as(Files.readString(log)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xf8f8f8);
            }
        }
        return colours.size();
    }
}
