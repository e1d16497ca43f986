package dev.vigil.job.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The job configs shipped in conf/ are valid against the current keys. */
class ShippedConfigsTest {

    @Test
    void demoConfigIsValid() {
        VigilConfig config = VigilConfig.load(Path.of("conf/demo.yaml"), Map.of());
        assertThat(config.get(VigilOptions.MODEL_NAME)).isEqualTo("nanodet-plus-m-320");
        assertThat(config.get(VigilOptions.INPUT_PATHS)).singleElement().asString()
                .endsWith("video/vehicle-counting-street/input_video.mp4");
    }

    @Test
    void gpuConfigIsValid() {
        VigilConfig config = VigilConfig.load(Path.of("conf/gpu.yaml"), Map.of());
        assertThat(config.get(VigilOptions.DETECT_MAX_BATCH_SIZE)).isEqualTo(16L);
        assertThat(config.get(VigilOptions.DETECT_SLOTS_PER_DEVICE)).isEqualTo(2L);
    }

    @Test
    void kafkaConfigIsValid() {
        VigilConfig config = VigilConfig.load(Path.of("conf/kafka.yaml"), Map.of());
        assertThat(config.get(VigilOptions.INPUT_TYPE)).isEqualTo("kafka");
        assertThat(config.get(KafkaOptions.FRAMES_TOPIC)).isEqualTo("vigil-frames");
        assertThat(config.get(KafkaOptions.DETECTIONS_TOPIC)).isEqualTo("vigil-detections");
    }
}
