package dev.vigil.job;

import dev.vigil.job.config.DetectSection;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.RtspOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.operators.detect.FramePolicy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rtsp input from config: the shipped example, checks with key paths, and the latest-frame default. */
class RtspConfigTest {

    @Test
    void shippedExampleBuildsAnInputWithTwoCamerasAndLatestFrameWins() {
        VigilConfig config = VigilConfig.load(Path.of("conf/rtsp.yaml"), Map.of());
        List<String> problems = new ArrayList<>();
        RtspFrameInput input = RtspFrameInput.fromConfig(config, problems, Path.of("target/camera-status.jsonl"));
        assertThat(problems).isEmpty();
        assertThat(input.cameraIds()).hasValue(List.of("gate", "yard"));
        assertThat(DetectSection.settings(config, input.knownCameras(), input.defaultFramePolicy(), null, null, new ArrayList<>()).policy())
                .isEqualTo(FramePolicy.LATEST);
        assertThat(config.get(RtspOptions.OUTPUT_CAMERA_STATUS_PATH)).isEqualTo("out/camera-status.jsonl");
    }

    @Test
    void anExplicitFramePolicyWinsOverTheRtspDefault() {
        VigilConfig config = VigilConfig.load(Path.of("conf/rtsp.yaml"), Map.of("input.frame-policy", "lossless"));
        RtspFrameInput input = RtspFrameInput.fromConfig(config, new ArrayList<>(), Path.of("target/camera-status.jsonl"));
        assertThat(DetectSection.settings(config, input.knownCameras(), input.defaultFramePolicy(), null, null, new ArrayList<>()).policy())
                .isEqualTo(FramePolicy.LOSSLESS);
    }

    @Test
    void everyCameraProblemIsReportedWithItsKeyPathAndNoCredentials() {
        String yaml = """
                input:
                  type: rtsp
                  cameras:
                    - {id: a, url: "rtsp://op:topsecret@cam1/s", transport: carrier-pigeon}
                    - {url: "http://op:topsecret@cam2/s", colour: red}
                    - {id: a, url: "rtsp://cam3/s", timeout: soon}
                  reconnect: {initial-delay: 10s, max-delay: 1s}
                """;
        List<String> problems = new ArrayList<>();
        VigilConfig config = VigilConfig.parse("test.yaml", yaml, Map.of());
        RtspFrameInput input = RtspFrameInput.fromConfig(config, problems, Path.of("target/camera-status.jsonl"));
        assertThat(input).isNull();
        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[0].transport: expected tcp or udp"));
        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[1].id: required"));
        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[1].colour: unknown key"));
        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[2].id: duplicate camera id 'a'"));
        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[2].timeout:"));
        assertThat(problems).anyMatch(p -> p.startsWith("input.reconnect:") && p.contains("below the initial delay"));
        assertThat(String.join("\n", problems)).doesNotContain("topsecret");
    }

    @Test
    void aCameraEntryOfTheWrongShapeIsShownWithItsSecretsMasked() {
        String yaml = """
                input:
                  type: rtsp
                  cameras:
                    - {id: b, url: "rtsp://cam1/s"}
                    - [{id: a, password: topsecret}]
                """;
        List<String> problems = new ArrayList<>();
        VigilConfig config = VigilConfig.parse("test.yaml", yaml, Map.of());

        RtspFrameInput.fromConfig(config, problems, Path.of("target/camera-status.jsonl"));

        assertThat(problems).anyMatch(p -> p.startsWith("input.cameras[1]: expected a section with keys"));
        assertThat(String.join("\n", problems)).doesNotContain("topsecret");
    }

    @Test
    void aCameraProblemFoundByTheSettingsThemselvesNamesItsEntry() {
        String yaml = """
                input:
                  type: rtsp
                  cameras:
                    - {id: a, url: "rtsp:///nohost", password: topsecret}
                """;
        List<String> problems = new ArrayList<>();
        VigilConfig config = VigilConfig.parse("test.yaml", yaml, Map.of());

        RtspFrameInput.fromConfig(config, problems, Path.of("target/camera-status.jsonl"));

        assertThat(problems).containsExactly("input.cameras[0]: camera 'a': url has no host: rtsp:///nohost; "
                + "camera 'a': a password needs a username");
    }

    @Test
    void anRtspInputNeedsCameras() {
        try {
            VigilJob.fromConfig(VigilConfig.parse("test.yaml", "input: {type: rtsp}", Map.of()), "test.yaml");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains(RtspOptions.CAMERAS.key() + ": at least one camera is required");
            return;
        }
        throw new AssertionError("expected a config problem");
    }

    @Test
    void passwordsCanComeFromTheEnvironmentInsideCameraSections() {
        System.setProperty("VIGIL_TEST_CAM_PASSWORD", "from-env");
        try {
            VigilConfig config = VigilConfig.parse("test.yaml", """
                    input:
                      type: rtsp
                      cameras: [{id: a, url: "rtsp://cam/s", username: u, password: "${VIGIL_TEST_CAM_PASSWORD}"}]
                    """, Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> camera = (Map<String, Object>) config.get(RtspOptions.CAMERAS).get(0);
            assertThat(camera.get("password")).isEqualTo("from-env");
            assertThat(config.get(VigilOptions.INPUT_TYPE)).isEqualTo("rtsp");
        } finally {
            System.clearProperty("VIGIL_TEST_CAM_PASSWORD");
        }
    }
}
