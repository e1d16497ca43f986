package dev.vigil.job;

import dev.vigil.job.config.VigilConfig;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A line or zone no frame of its camera can show is said before the start, not silently ignored. */
class GeometryWarningsTest {

    @TempDir
    Path out;

    @Test
    void shapesOutsideAVideosFramesAreWarnedOfAndTheRestAreNot() {
        String yaml = String.join("\n",
                "input: {paths: ['" + TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath()
                        + "'], camera-ids: [street]}",
                "model: {name: nanodet-plus-m-320, mirror: '" + TestData.modelMirror().toAbsolutePath() + "'}",
                "analytics:",
                "  cameras:",
                "    street:",
                "      lines:",
                "        - {name: road, points: [[200, 200], [640, 200]], in-side: right}",
                "        - {name: for-4k, points: [[2000, 1500], [3800, 1500]], in-side: right}",
                "      zones:",
                "        - {name: below, polygon: [[0, 400], [640, 400], [640, 500], [0, 500]]}",
                "output: {path: '" + out.resolve("d.jsonl") + "', rejects-path: '" + out.resolve("r.jsonl")
                        + "', tracks-path: '" + out.resolve("t.jsonl") + "', events-path: '" + out.resolve("e.jsonl")
                        + "', counts-path: '" + out.resolve("c.jsonl") + "'}");

        VigilJob job = VigilJob.fromConfig(VigilConfig.parse("test.yaml", yaml, Map.of()), "test.yaml");

        assertThat(job.warnings()).containsExactly(
                "analytics.cameras.street: line 'for-4k' lies entirely outside the 640x352 frame, so it can never fire",
                "analytics.cameras.street: zone 'below' lies entirely outside the 640x352 frame, so it can never fire");
    }
}
