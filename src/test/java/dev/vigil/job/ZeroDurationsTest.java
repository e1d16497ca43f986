package dev.vigil.job;

import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.ValueType;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.testing.TestData;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every duration key whose documented type says "0 = off" takes 0: the job built from the config takes
 * it too, rather than a builder refusing it later with a message about its own fields.
 */
class ZeroDurationsTest {

    @TempDir
    Path out;

    static Stream<String> offableDurations() {
        String offable = ValueType.duration().description();
        return VigilOptions.all().stream()
                .filter(option -> option.type().description().equals(offable))
                .map(ConfigOption::key);
    }

    @ParameterizedTest(name = "{0}=0")
    @MethodSource("offableDurations")
    void zeroIsAccepted(String key) {
        String yaml = String.join("\n",
                "input: {paths: ['" + TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath()
                        + "'], camera-ids: [street]}",
                "model: {name: nanodet-plus-m-320, mirror: '" + TestData.modelMirror().toAbsolutePath() + "'}",
                "output: {path: '" + out.resolve("d.jsonl") + "', rejects-path: '" + out.resolve("r.jsonl")
                        + "', tracks-path: '" + out.resolve("t.jsonl") + "'}",
                // The outputs whose settings the keys belong to, so that those settings are built.
                "elasticsearch: {hosts: ['http://127.0.0.1:9200']}",
                "kafka: {bootstrap-servers: '127.0.0.1:9092', detections-topic: d}");
        VigilConfig config = VigilConfig.parse("test.yaml", yaml, Map.of(key, "0"));

        assertThatCode(() -> VigilJob.fromConfig(config, "test.yaml", ServiceCheck.NONE)).doesNotThrowAnyException();
    }
}
