package dev.vigil.operators.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsSettingsTest {

    static final String GOOD = """
            analytics:
              track-timeout-frames: 20
              cameras:
                gate:
                  lines:
                    - name: entrance
                      points: [[100, 300], [500, 300]]
                      in-side: right
                      classes: [person, bicycle]
                      anchor: centre
                      min-frames-on-side: 4
                  zones:
                    - name: lobby
                      polygon: [[100, 100], [300, 100], [300, 300], [100, 300]]
                      entry-frames: 2
                      exit-frames: 5
                      loitering-seconds: 30
                street: {}
            """;

    @Test
    void camerasAndLinesNamedLikeOtherTypesKeepTheirNames() {
        AnalyticsSettingsParser.Result r = AnalyticsSettingsParser.parseYaml("""
                cameras:
                  no:
                    lines: [{name: 012, points: [[100, 300], [500, 300]], in-side: right}]
                  1:30: {}
                """);

        assertThat(r.problems()).isEmpty();
        assertThat(r.settings().cameras()).containsOnlyKeys("no", "1:30");
        assertThat(r.settings().forCamera("no").lines().get(0).name()).isEqualTo("012");
    }

    @Test
    void parsesTheDocumentedLayout() {
        AnalyticsSettingsParser.Result r = AnalyticsSettingsParser.parseYaml(GOOD);
        assertThat(r.problems()).isEmpty();
        AnalyticsSettings s = r.settings();
        assertThat(s.trackTimeoutFrames()).isEqualTo(20);
        LineSettings line = s.forCamera("gate").lines().get(0);
        assertThat(line).isEqualTo(new LineSettings("entrance", new Point(100, 300), new Point(500, 300),
                LineSettings.Side.RIGHT, List.of("person", "bicycle"), Anchor.CENTRE, 4));
        ZoneSettings zone = s.forCamera("gate").zones().get(0);
        assertThat(zone.entryFrames()).isEqualTo(2);
        assertThat(zone.exitFrames()).isEqualTo(5);
        assertThat(zone.loiteringMillis()).isEqualTo(30_000);
        assertThat(zone.anchor()).isEqualTo(Anchor.BOTTOM_CENTRE);
        assertThat(s.forCamera("street")).isEqualTo(CameraSettings.NONE);
        assertThat(s.forCamera("unknown")).isEqualTo(CameraSettings.NONE);
    }

    @Test
    void theTopLevelKeyIsOptionalAndTheTreeCanComeFromTheJobConfig() {
        String bare = GOOD.substring(GOOD.indexOf('\n') + 1).replaceAll("(?m)^  ", "");
        assertThat(AnalyticsSettingsParser.parseYaml(bare).settings())
                .isEqualTo(AnalyticsSettingsParser.parseYaml(GOOD).settings());
        Map<String, Object> tree = Map.of("cameras", Map.of("gate", Map.of("lines", List.of(Map.of(
                "name", "l", "points", List.of(List.of(0, 0), List.of(10.5, 0)), "in-side", "left")))));
        AnalyticsSettingsParser.Result r = AnalyticsSettingsParser.parse(tree);
        assertThat(r.problems()).isEmpty();
        assertThat(r.settings().forCamera("gate").lines().get(0).minFramesOnSide()).isEqualTo(3);
        assertThat(AnalyticsSettingsParser.parse(null).settings()).isEqualTo(AnalyticsSettings.EMPTY);
    }

    @Test
    void reportsEveryProblemWithItsKeyPath() {
        String text = """
                cameras:
                  gate:
                    lines:
                      - name: a
                        points: [[100, 300], [100, 300]]
                        in-side: right
                        classes: [cra]
                      - name: a
                        points: [[0, 0], [1, 1]]
                        in-side: up
                    zones:
                      - name: ok
                        polygon: [[0, 0], [10, 0], [10, 10], [0, 10]]
                      - name: bowtie
                        polygon: [[0, 0], [10, 10], [10, 0], [0, 10]]
                        entry-frames: 0
                        colour: red
                """;
        List<String> problems = AnalyticsSettingsParser.parseYaml(text).problems();
        assertThat(problems).containsExactlyInAnyOrder(
                "analytics.cameras.gate.lines[1].in-side: must be left or right (of the first→second point, as seen on "
                        + "screen), got 'up'",
                "analytics.cameras.gate.zones[1].colour: unknown key (allowed: anchor, classes, entry-frames, "
                        + "exit-frames, loitering-seconds, name, polygon)");
        // structure first; once it parses, the meaning is checked
        text = text.replace("in-side: up", "in-side: left").replace("        colour: red\n", "");
        problems = AnalyticsSettingsParser.parseYaml(text).problems();
        assertThat(problems).containsExactlyInAnyOrder(
                "analytics.cameras.gate.lines[0].points: zero-length line",
                "analytics.cameras.gate.lines[0].classes: unknown class 'cra' (known: person, bicycle, car, …; did "
                        + "you mean 'car'?)",
                "analytics.cameras.gate.lines[1].name: duplicate line name 'a'",
                "analytics.cameras.gate.zones[1].polygon: self-intersecting polygon (edges 0 and 2 cross)",
                "analytics.cameras.gate.zones[1].entry-frames: must be >= 1, got 0");
    }

    @Test
    void typeAndShapeProblems() {
        String text = """
                track-timeout-frames: soon
                cameras:
                  gate:
                    lines:
                      - name: l
                        points: [[0, 0], [1, 1], [2, 2]]
                        in-side: left
                    zones:
                      - name: z
                        polygon: [[0, 0], [1, x]]
                        anchor: feet
                      - name: flat
                        polygon: [[0, 0], [1, 1]]
                """;
        assertThat(AnalyticsSettingsParser.parseYaml(text).problems()).containsExactlyInAnyOrder(
                "analytics.track-timeout-frames: expected a whole number, got 'soon'",
                "analytics.cameras.gate.lines[0].points: a line needs exactly 2 points, got 3",
                "analytics.cameras.gate.zones[0].polygon[1]: expected [x, y] with two finite numbers, got [1, x]",
                "analytics.cameras.gate.zones[0].anchor: must be bottom-centre, centre or top-centre, got 'feet'");
        assertThat(AnalyticsSettingsParser.parseYaml("cameras: [1, 2]").problems())
                .containsExactly("analytics.cameras: expected a mapping, got [1, 2]");
        assertThat(AnalyticsSettingsParser.parseYaml("cameras: {gate: {zones: [{name: z, polygon: [[0,0],[1,1]]}]}}")
                .problems()).containsExactly("analytics.cameras.gate.zones[0].polygon: needs at least 3 points, got 2");
        assertThat(AnalyticsSettingsParser.parseYaml("cameras: {gate: {zones: [{name: z, polygon: [[0,0],[1,1],[2,2]]}]}}")
                .problems()).containsExactly("analytics.cameras.gate.zones[0].polygon: degenerate polygon (zero area)");
        assertThat(AnalyticsSettingsParser.parseYaml("cameras: {gate: [").problems()).singleElement()
                .asString().startsWith("analytics: not valid YAML");
    }
}
