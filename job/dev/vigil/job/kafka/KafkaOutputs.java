package dev.vigil.job.kafka;

import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.output.OutputDestination;
import dev.vigil.job.output.ResultStreams;
import dev.vigil.operators.Reject;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.sinks.AnalyticsEventJson;
import dev.vigil.sinks.CountsRecordJson;
import dev.vigil.sinks.FrameDetectionsJson;
import dev.vigil.sinks.JsonLineEncoder;
import dev.vigil.sinks.RejectJson;
import dev.vigil.sinks.TrackedFrameJson;
import dev.vigil.sinks.kafka.JsonRecordSerializationSchema;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

import java.util.List;

/**
 * The result streams to Kafka topics, as JSON documents of the schemas in {@code sinks/schema/}, keyed by
 * camera id: detections, rejects, tracked frames, analytics events and windowed counts, each to its
 * {@code kafka.*-topic} when one is configured and the pipeline has the stream. Delivery follows
 * {@link KafkaDelivery} (exactly-once by default with checkpointing).
 */
public final class KafkaOutputs implements OutputDestination {

    private static final List<ConfigOption<String>> TOPICS = List.of(KafkaOptions.DETECTIONS_TOPIC,
            KafkaOptions.TRACKS_TOPIC, KafkaOptions.EVENTS_TOPIC, KafkaOptions.COUNTS_TOPIC, KafkaOptions.REJECTS_TOPIC);

    private final VigilConfig config;
    private final KafkaConnection connection;
    private final KafkaDelivery delivery;

    private KafkaOutputs(VigilConfig config, KafkaConnection connection, KafkaDelivery delivery) {
        this.config = config;
        this.connection = connection;
        this.delivery = delivery;
    }

    /**
     * The Kafka outputs the config asks for: {@code null} when it names no result topic, or when
     * problems (added to {@code problems}) stop them.
     */
    public static KafkaOutputs fromConfig(VigilConfig config, List<String> problems) {
        if (!wanted(config)) {
            return null;
        }
        ConfigOption<String> first = TOPICS.stream().filter(config::isSet).findFirst().orElseThrow();
        int before = problems.size();
        KafkaConnection connection = KafkaConnection.fromConfig(config, first.key(), problems);
        KafkaDelivery delivery = KafkaDelivery.fromConfig(config, problems);
        return problems.size() > before ? null : new KafkaOutputs(config, connection, delivery);
    }

    /** Whether the config names a result topic. */
    public static boolean wanted(VigilConfig config) {
        return TOPICS.stream().anyMatch(config::isSet);
    }

    @Override
    public void attachTo(ResultStreams results) {
        if (config.isSet(KafkaOptions.DETECTIONS_TOPIC)) {
            results.toResults("kafka-detections",
                    sink(KafkaOptions.DETECTIONS_TOPIC, new FrameDetectionsJson(), FrameDetections::cameraId));
        }
        if (config.isSet(KafkaOptions.REJECTS_TOPIC)) {
            results.toRejects("kafka-rejects", sink(KafkaOptions.REJECTS_TOPIC, new RejectJson(), Reject::cameraId));
        }
        if (config.isSet(KafkaOptions.TRACKS_TOPIC) && results.hasTracking()) {
            results.toTracks("kafka-tracks",
                    sink(KafkaOptions.TRACKS_TOPIC, new TrackedFrameJson(), TrackedFrame::cameraId));
        }
        if (results.hasAnalytics()) {
            if (config.isSet(KafkaOptions.EVENTS_TOPIC)) {
                results.toEvents("kafka-events",
                        sink(KafkaOptions.EVENTS_TOPIC, new AnalyticsEventJson(), AnalyticsEvent::cameraId));
            }
            if (config.isSet(KafkaOptions.COUNTS_TOPIC)) {
                results.toCounts("kafka-counts",
                        sink(KafkaOptions.COUNTS_TOPIC, new CountsRecordJson(), CountsRecord::cameraId));
            }
        }
    }

    private <T> KafkaSink<T> sink(ConfigOption<String> topic, JsonLineEncoder<T> encoder,
            SerializableFunction<T, String> cameraId) {
        String name = topic.key().substring("kafka.".length(), topic.key().length() - "-topic".length());
        return delivery.sink(connection, new JsonRecordSerializationSchema<>(config.get(topic), encoder, cameraId), name);
    }
}
