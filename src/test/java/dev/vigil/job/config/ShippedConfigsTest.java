package dev.vigil.job.config;

import dev.vigil.operators.detect.CameraSlicing;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void slicedConfigSlicesOnlyTheHighResolutionCamera() {
        VigilConfig config = VigilConfig.load(Path.of("conf/sliced.yaml"), Map.of());
        List<String> problems = new ArrayList<>();

        CameraSlicing slicing = SlicingOptions.cameraSlicing(config, new ImageSize(320, 320),
                config.get(VigilOptions.INPUT_CAMERA_IDS), problems);

        assertThat(problems).isEmpty();
        assertThat(slicing.forCamera("elevated").tileWidth()).isEqualTo(320);
        assertThat(slicing.forCamera("street")).isNull();
    }
}
