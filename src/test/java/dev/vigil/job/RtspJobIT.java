package dev.vigil.job;

import dev.vigil.job.config.VigilConfig;
import dev.vigil.testing.Await;
import dev.vigil.testing.JsonSchemaAssert;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.RtspServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job from a YAML config with {@code input.type: rtsp} against a real RTSP server and the real
 * model: detections and the camera status file are written, credentials stay out of every output.
 */
class RtspJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private static final String PASSWORD = "yaml-s3cret";

    @Test
    void configuredCamerasRunThroughTheModelAndWriteTheirStatus(@TempDir Path dir) throws Exception {
        try (RtspServer server = RtspServer.builder().pattern("gate", 160, 120, 10).auth("viewer", PASSWORD).start()) {
            System.setProperty("VIGIL_IT_CAM_PASSWORD", PASSWORD);
            String yaml = """
                    job: {checkpoint-interval: 1s}
                    input:
                      type: rtsp
                      cameras:
                        - {id: gate, url: "rtsp://viewer:${VIGIL_IT_CAM_PASSWORD}@127.0.0.1:%d/gate"}
                        - {id: nowhere, url: "rtsp://127.0.0.1:%d/none", username: viewer, password: "${VIGIL_IT_CAM_PASSWORD}"}
                      reconnect: {initial-delay: 200ms, max-delay: 1s}
                    tracking: {enabled: false}
                    output:
                      path: %s
                      rejects-path: %s
                      camera-status-path: %s
                    """.formatted(server.port(), server.port(), dir.resolve("detections.jsonl"),
                    dir.resolve("rejects.jsonl"), dir.resolve("camera-status.jsonl"));
            VigilJob job = VigilJob.fromConfig(
                    VigilConfig.parse("rtsp-it.yaml", yaml, Map.of("model.mirror", TestData.modelMirror().toString())),
                    "rtsp-it.yaml");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            job.configure(env);
            job.pipeline().addTo(env);
            JobClient client = env.executeAsync("rtsp-job");
            try {
                awaitLines(dir.resolve("detections.jsonl"), 20);
                awaitContent(dir.resolve("camera-status.jsonl"), "\"camera_id\":\"nowhere\",\"state\":\"reconnecting\"");
            } finally {
                client.cancel().get();
                System.clearProperty("VIGIL_IT_CAM_PASSWORD");
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode schema = JsonSchemaAssert.schema("camera-status.schema.json");
        List<String> statuses = Files.readAllLines(dir.resolve("camera-status.jsonl"));
        for (String line : statuses) {
            JsonSchemaAssert.assertMatchesSchema(mapper.readTree(line), schema);
        }
        assertThat(statuses).anyMatch(l -> l.contains("\"camera_id\":\"gate\",\"state\":\"streaming\""));
        assertThat(statuses).anyMatch(l -> l.contains("\"camera_id\":\"nowhere\"") && l.contains("404 Not Found"));
        JsonNode detection = mapper.readTree(Files.readAllLines(dir.resolve("detections.jsonl")).get(0));
        assertThat(detection.get("camera_id").asText()).isEqualTo("gate");
        assertThat(detection.get("model").asText()).isEqualTo("nanodet-plus-m-320");
        for (String file : List.of("detections.jsonl", "camera-status.jsonl")) {
            assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain(PASSWORD);
        }
    }

    private static void awaitLines(Path file, int lines) throws Exception {
        await(file, () -> Files.exists(file) && Files.readAllLines(file).size() >= lines, lines + " lines");
    }

    private static void awaitContent(Path file, String content) throws Exception {
        await(file, () -> Files.exists(file) && Files.readString(file).contains(content), content);
    }

    private static void await(Path file, Await.Check<IOException> check, String what) throws IOException {
        Await.until(what + " in " + file, Duration.ofSeconds(90), Duration.ofMillis(200), check);
    }
}
