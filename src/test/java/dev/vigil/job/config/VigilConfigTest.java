package dev.vigil.job.config;

import dev.vigil.models.Suggestions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VigilConfigTest {

    private static final String VALID = String.join("\n",
            "job:",
            "  name: street",
            "  checkpoint-interval: 500ms",
            "input:",
            "  paths: [a.mp4, b.mp4]",
            "  camera-ids: [north, south]",
            "  stride: 2",
            "model:",
            "  name: yolov6lite-s",
            "  score-threshold: 0.4",
            "output:",
            "  path: out/x.jsonl",
            "");

    private static VigilConfig parse(String yaml, Map<String, String> overrides) {
        return VigilConfig.parse("test.yaml", yaml, overrides, name -> name.equals("DATA") ? "/data" : null);
    }

    @Test
    void readsTypedValuesAndDefaults() {
        VigilConfig config = parse(VALID, Map.of());

        assertThat(config.get(VigilOptions.JOB_NAME)).isEqualTo("street");
        assertThat(config.get(VigilOptions.JOB_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.get(VigilOptions.INPUT_PATHS)).containsExactly("a.mp4", "b.mp4");
        assertThat(config.get(VigilOptions.INPUT_STRIDE)).isEqualTo(2L);
        assertThat(config.get(VigilOptions.MODEL_SCORE_THRESHOLD)).isEqualTo(0.4);
        assertThat(config.get(VigilOptions.INPUT_LOOP)).isFalse();
        assertThat(config.get(VigilOptions.OUTPUT_TYPE)).isEqualTo("jsonl");
        assertThat(config.isSet(VigilOptions.MODEL_PATH)).isFalse();
    }

    @Test
    void commandLineOverridesWin() {
        VigilConfig config = parse(VALID, Map.of("input.paths", "c.mp4", "input.camera-ids", "c", "model.name", "x"));

        assertThat(config.get(VigilOptions.INPUT_PATHS)).containsExactly("c.mp4");
        assertThat(config.get(VigilOptions.MODEL_NAME)).isEqualTo("x");
    }

    @Test
    void typoedKeyIsRejectedWithSuggestionAndSiblings() {
        String yaml = VALID.replace("  stride: 2", "  strid: 2");

        assertThatThrownBy(() -> parse(yaml, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml: 1 problem")
                .hasMessageContaining("input.strid: unknown key (did you mean input.stride?)")
                .hasMessageContaining("keys under input: type, paths, camera-ids, stride");
    }

    @Test
    void unknownSectionListsTheSections() {
        assertThatThrownBy(() -> parse(VALID + "detector:\n  name: x\n", Map.of()))
                .hasMessageContaining("detector: unknown key")
                .hasMessageContaining("sections: job, input, detect, model, tracking, analytics, control, counts, output");
    }

    @Test
    void everyBadValueIsReportedWithKeyAndAllowedValues() {
        String yaml = VALID.replace("stride: 2", "stride: two")
                .replace("score-threshold: 0.4", "score-threshold: 1.5")
                .replace("  path: out/x.jsonl", "  type: csv");

        assertThatThrownBy(() -> parse(yaml, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "input.stride: expected an integer from 1 to 10000, got 'two'",
                        "model.score-threshold: expected a number from 0.0 to 1.0, got 1.5",
                        "output.type: expected one of jsonl, stdout, got 'csv'"));
    }

    @Test
    void badOverrideKeyIsNamedAsComingFromTheCommandLine() {
        assertThatThrownBy(() -> parse(VALID, Map.of("model.nme", "x")))
                .hasMessageContaining("model.nme: unknown key (did you mean model.name?)")
                .hasMessageContaining("(given on the command line)");
    }

    @Test
    void crossKeyChecks() {
        assertThatThrownBy(() -> parse(VALID.replace("[north, south]", "[north]"), Map.of()))
                .hasMessageContaining("input.camera-ids: 1 camera ids for 2 input paths");
        assertThatThrownBy(() -> parse(VALID.replace("[north, south]", "[north, north]"), Map.of()))
                .hasMessageContaining("camera ids must be unique");
        assertThatThrownBy(() -> parse("input:\n  stride: 1\n", Map.of()))
                .hasMessageContaining("input.paths: at least one video file is required");
    }

    @Test
    void sectionGivenAsScalarOrOptionGivenAsSection() {
        assertThatThrownBy(() -> parse("input: a.mp4\n", Map.of()))
                .hasMessageContaining("input: expected a section with keys type, paths");
        assertThatThrownBy(() -> parse("input:\n  paths: [a]\n  stride:\n    every: 2\n", Map.of()))
                .hasMessageContaining("input.stride: expected an integer from 1 to 10000, got");
    }

    @Test
    void variablesAreSubstitutedWithFallbacks() {
        VigilConfig config = parse("input:\n  paths: ['${DATA}/v.mp4', '${NOPE:-/tmp}/w.mp4']\n", Map.of());
        assertThat(config.get(VigilOptions.INPUT_PATHS)).containsExactly("/data/v.mp4", "/tmp/w.mp4");

        assertThatThrownBy(() -> parse("input:\n  paths: ['${NOPE}/v.mp4']\n", Map.of()))
                .hasMessageContaining("input.paths: ${NOPE} is not set");
    }

    @Test
    void invalidYamlAndMissingFile() {
        assertThatThrownBy(() -> parse("input: [unclosed\n", Map.of())).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> VigilConfig.load(Path.of("no/such/config.yaml"), Map.of()))
                .hasMessageContaining("no/such/config.yaml: 1 problem")
                .hasMessageContaining("config file not found");
    }

    @Test
    void durationsAndBooleans() {
        VigilConfig config = parse(VALID + "", Map.of("job.checkpoint-interval", "2m", "input.loop", "TRUE"));
        assertThat(config.get(VigilOptions.JOB_CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.get(VigilOptions.INPUT_LOOP)).isTrue();
        assertThatThrownBy(() -> parse(VALID, Map.of("job.checkpoint-interval", "soon")))
                .hasMessageContaining("job.checkpoint-interval: expected 0 (off) or a duration of at least 10ms, like 500ms, 10s or 2m");
        assertThat(List.of(Suggestions.editDistance("stride", "strid", false))).containsExactly(1);
    }

    @Test
    void valuesThatYaml11WouldRetypeStayText() {
        String yaml = VALID.replace("  camera-ids: [north, south]", "  camera-ids: [no, 012]")
                .replace("  name: street", "  name: 1:30");

        VigilConfig config = parse(yaml, Map.of());

        assertThat(config.get(VigilOptions.INPUT_CAMERA_IDS)).containsExactly("no", "012");
        assertThat(config.get(VigilOptions.JOB_NAME)).isEqualTo("1:30");
    }

    @Test
    void aKeyGivenTwiceIsRejected() {
        assertThatThrownBy(() -> parse(VALID + "job:\n  name: again\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("job");
    }

    @Test
    void aDetectionTimeoutOrCountsWindowOfZeroIsRefused() {
        assertThatThrownBy(() -> parse(VALID, Map.of("detect.timeout", "0", "counts.window", "0")))
                .hasMessageContaining("detect.timeout: expected a positive duration like 500ms, 10s or 2m, got '0'")
                .hasMessageContaining("counts.window: expected a positive duration");
        assertThat(parse(VALID, Map.of("detect.timeout", "2s")).get(VigilOptions.DETECT_TIMEOUT))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void sizesTakeBinaryUnitsOrBytes() {
        assertThat(parse(VALID, Map.of()).get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES)).isEqualTo(20L << 20);
        assertThat(parse(VALID, Map.of("detect.max-in-flight-bytes", "64mb")).get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES))
                .isEqualTo(64L << 20);
        assertThat(parse(VALID, Map.of("detect.max-in-flight-bytes", "512 KiB"))
                .get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES)).isEqualTo(512L << 10);
        assertThat(parse(VALID, Map.of("detect.max-in-flight-bytes", "2G")).get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES))
                .isEqualTo(2L << 30);
        assertThat(parse(VALID + "detect:\n  max-in-flight-bytes: 1000\n", Map.of())
                .get(VigilOptions.DETECT_MAX_IN_FLIGHT_BYTES)).isEqualTo(1000L);
        assertThatThrownBy(() -> parse(VALID, Map.of("detect.max-in-flight-bytes", "lots")))
                .hasMessageContaining("detect.max-in-flight-bytes: expected a size like 24mb, 512kb or 1gb");
        assertThatThrownBy(() -> parse(VALID, Map.of("detect.max-in-flight-bytes", "0mb")))
                .hasMessageContaining("detect.max-in-flight-bytes: expected").hasMessageContaining("got 0 bytes");
        assertThatThrownBy(() -> parse(VALID, Map.of("detect.max-in-flight-bytes", "99999999999gb")))
                .hasMessageContaining("detect.max-in-flight-bytes: expected");
    }

    @Test
    void multiLineProblemsAreIndentedUnderTheirBullet() {
        String nl = System.lineSeparator();
        assertThat(new ConfigException("f.yaml", List.of("model.name: not found. Looked at:\n- here", "x: bad")).getMessage())
                .isEqualTo("f.yaml: 2 problems" + nl + "  - model.name: not found. Looked at:" + nl + "      - here"
                        + nl + "  - x: bad");
    }
}
