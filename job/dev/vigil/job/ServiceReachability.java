package dev.vigil.job;

import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.RtspOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.elasticsearch.ElasticsearchOutputs;
import dev.vigil.job.elasticsearch.ElasticsearchReachability;
import dev.vigil.job.kafka.KafkaConnection;
import dev.vigil.job.kafka.KafkaOutputs;
import dev.vigil.job.kafka.KafkaReachability;
import dev.vigil.sources.rtsp.CameraConnection;
import dev.vigil.sources.rtsp.CameraProbe;

import java.util.List;

/**
 * Asks each service the job needs whether it answers, each within its configured bound: the Kafka cluster
 * when any input, output or control topic is Kafka ({@code kafka.connect-timeout}; one cluster serves them
 * all), Elasticsearch when it is an output ({@code elasticsearch.connect-timeout}), and with
 * {@code input.fail-fast} every RTSP camera (its own {@code timeout}). Without these checks an unreachable
 * Kafka broker or Elasticsearch node makes a job wait silently, and a fail-fast camera fails the job only
 * after its restarts.
 */
public final class ServiceReachability implements ServiceCheck {

    @Override
    public void check(VigilConfig config, FrameInput input, List<String> problems) {
        if (usesKafka(config)) {
            KafkaConnection connection = KafkaConnection.fromConfig(config, KafkaOptions.BOOTSTRAP_SERVERS.key(), problems);
            if (connection != null) {
                KafkaReachability.ofConfig().problem(connection, config.get(KafkaOptions.CONNECT_TIMEOUT))
                        .ifPresent(problems::add);
            }
        }
        if (config.isSet(ElasticsearchOptions.HOSTS)) {
            ElasticsearchReachability.problem(ElasticsearchOutputs.settings(config),
                    config.get(ElasticsearchOptions.CONNECT_TIMEOUT)).ifPresent(problems::add);
        }
        if (input instanceof RtspFrameInput cameras) {
            checkCameras(cameras, problems);
        }
    }

    private static boolean usesKafka(VigilConfig config) {
        return "kafka".equals(config.get(VigilOptions.INPUT_TYPE)) || KafkaOutputs.wanted(config)
                || config.isSet(KafkaOptions.CONTROL_TOPIC);
    }

    private static void checkCameras(RtspFrameInput input, List<String> problems) {
        List<CameraConnection> required = input.camerasRequiredAtStart();
        CameraProbe.ffmpeg().unreachable(required).forEach((id, problem) -> {
            CameraConnection camera = required.stream().filter(c -> c.cameraId().equals(id)).findFirst().orElseThrow();
            problems.add(RtspOptions.CAMERAS.key() + "[" + input.cameraIds().orElseThrow().indexOf(id) + "]: camera '" + id
                    + "' at " + camera.maskedUrl() + " is unreachable: " + problem + " ("
                    + RtspOptions.FAIL_FAST.key() + " is on)");
        });
    }
}
