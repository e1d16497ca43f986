package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.StreetRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code conf/street-analytics.yaml} on the real street video: the line across the road counts the
 * vehicles that drive through it. Watching the video frame by frame, 8 vehicles cross the line
 * towards the camera (near frames 20, 80, 135, 185, 243, 425, 478 and 712) and none away from it.
 */
class StreetAnalyticsIT {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void countsTheEightVehiclesThatDriveTowardsTheCamera() throws Exception {
        int exit = VigilCli.execute(StreetRun.args(dir));

        assertThat(exit).as(console.stderr()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> crossings = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            JsonNode event = mapper.readTree(line);
            if (event.get("type").asText().equals("line_crossed")) {
                crossings.add(event);
            }
        }
        assertThat(crossings).extracting(e -> e.get("direction").asText()).containsOnly("in").hasSize(8);
        assertThat(crossings).extracting(e -> e.get("event_id").asText()).doesNotHaveDuplicates();
        // The windowed counts agree with the events.
        long inFromCounts = 0;
        for (String line : Files.readAllLines(dir.resolve("counts.jsonl"))) {
            for (JsonNode counted : mapper.readTree(line).get("lines")) {
                inFromCounts += counted.get("in").asLong();
            }
        }
        assertThat(inFromCounts).isEqualTo(8);
    }

    @Test
    void analyticsWithoutTrackingIsRefused() {
        int exit = VigilCli.execute("run", "--config", "conf/street-analytics.yaml",
                "--set", "output.path=" + dir.resolve("detections.jsonl"),
                "--set", "tracking.enabled=false");

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr()).contains("analytics: works on tracks; set tracking.enabled: true");
    }

    @Test
    void brokenLinesZonesAndClassesAreRefusedWithTheirKeyPaths() throws Exception {
        String config = Files.readString(Path.of("conf/street-analytics.yaml"))
                .replace("points: [[200, 200], [640, 200]]", "points: [[200, 200], [200, 200]]")
                .replace("polygon: [[230, 230], [640, 230], [640, 352], [330, 352]]",
                        "polygon: [[0, 0], [100, 100], [100, 0], [0, 100]]")
                .replace("classes: [car, truck, bus]\n      zones", "classes: [cra]\n      zones");
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, config);

        int exit = VigilCli.execute("run", "--config", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(console.stderr())
                .contains("analytics.cameras.street.lines[0].points: zero-length line")
                .contains("analytics.cameras.street.zones[0].polygon: self-intersecting polygon")
                .contains("analytics.cameras.street.lines[0].classes: unknown class 'cra'");
    }
}
