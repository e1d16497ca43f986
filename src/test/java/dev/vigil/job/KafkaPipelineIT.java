package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.sources.FrameImages;
import dev.vigil.sources.kafka.FrameTopic;
import dev.vigil.testing.JsonSchemaAssert;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.KafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka path end to end against a real broker: {@code vigil publish} writes a shared video into the
 * frame topic, broken records are mixed in, and the job configured for {@code input.type: kafka} writes
 * detections, tracks, events and counts to their topics (exactly-once) and the broken records to the
 * dead-letter topic with their reasons, while the good frames after them keep flowing.
 */
class KafkaPipelineIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STREET_FRAMES = 40;
    private static final int GATE_FRAMES = 10;
    private static final int MAX_IMAGE_BYTES = 300_000;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(Path.of("target", "services", "kafka-pipeline-it").toAbsolutePath());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishedVideoBecomesResultTopicsAndBrokenRecordsBecomeDeadLetters(@TempDir Path dir) throws Exception {
        broker.createTopics(2, "frames", "frames-dead-letters", "detections", "tracks", "events", "counts");
        broker.createTopics(1, "control");
        produceControlUpdates();
        Path video = TestData.data("video/vehicle-counting-street/input_video.mp4");
        assertThat(VigilCli.execute("publish", "-i", video.toString(), "-b", broker.bootstrapServers(), "-t", "frames",
                "-c", "street", "-n", Integer.toString(STREET_FRAMES), "-q", "80")).isZero();
        Map<String, byte[]> broken = produceBrokenRecords();
        // Good frames after the broken ones, on both partitions.
        assertThat(VigilCli.execute("publish", "-i", video.toString(), "-b", broker.bootstrapServers(), "-t", "frames",
                "-c", "gate", "-n", Integer.toString(GATE_FRAMES), "--fps", "50")).isZero();

        VigilConfig config = VigilConfig.parse("kafka-it.yaml", String.join("\n",
                "job: {name: kafka-it, checkpoint-interval: 1s}",
                "input: {type: kafka}",
                "model: {name: nanodet-plus-m-320, mirror: '" + TestData.modelMirror() + "'}",
                "tracking: {enabled: true, class-aware: false}",
                "analytics:",
                "  cameras:",
                "    street:",
                "      lines: [{name: crossing, points: [[200, 200], [640, 200]], in-side: right}]",
                "counts: {window: 10s}",
                "kafka:",
                "  bootstrap-servers: " + broker.bootstrapServers(),
                "  frames-topic: frames",
                "  stop-at-end: true",
                "  max-image-bytes: " + MAX_IMAGE_BYTES,
                "  detections-topic: detections",
                "  tracks-topic: tracks",
                "  events-topic: events",
                "  counts-topic: counts",
                "  control-topic: control",
                "output:",
                "  path: " + dir.resolve("detections.jsonl"),
                "  rejects-path: " + dir.resolve("rejects.jsonl"),
                "  tracks-path: " + dir.resolve("tracks.jsonl"),
                "  events-path: " + dir.resolve("events.jsonl"),
                "  counts-path: " + dir.resolve("counts.jsonl"),
                ""), Map.of());
        VigilJob job = VigilJob.fromConfig(config, "kafka-it.yaml");
        JobRunner.Summary summary = new JobRunner(System.out).run(job, StreamExecutionEnvironment.getExecutionEnvironment());
        assertThat(summary.frames()).isEqualTo(STREET_FRAMES + GATE_FRAMES);

        List<ConsumerRecord<byte[], byte[]>> detections = broker.readCommitted("detections");
        JsonNode detectionSchema = JsonSchemaAssert.schema("frame-detections.schema.json");
        List<String> frames = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : detections) {
            JsonNode json = JSON.readTree(record.value());
            JsonSchemaAssert.assertMatchesSchema(json, detectionSchema);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(json.get("camera_id").asText());
            frames.add(json.get("camera_id").asText() + "#" + json.get("sequence").asLong());
        }
        List<String> expected = new ArrayList<>();
        LongStream.range(0, STREET_FRAMES).forEach(i -> expected.add("street#" + i));
        LongStream.range(0, GATE_FRAMES).forEach(i -> expected.add("gate#" + i));
        assertThat(frames).containsExactlyInAnyOrderElementsOf(expected);

        List<ConsumerRecord<byte[], byte[]>> tracks = broker.readCommitted("tracks");
        assertThat(tracks).hasSize(STREET_FRAMES + GATE_FRAMES);
        JsonNode trackSchema = JsonSchemaAssert.schema("tracked-frame.schema.json");
        for (ConsumerRecord<byte[], byte[]> record : tracks) {
            JsonSchemaAssert.assertMatchesSchema(JSON.readTree(record.value()), trackSchema);
        }
        List<ConsumerRecord<byte[], byte[]>> counts = broker.readCommitted("counts");
        assertThat(counts).as("each camera's window is counted when the input ends").isNotEmpty();
        JsonNode countsSchema = JsonSchemaAssert.schema("analytics-counts.schema.json");
        for (ConsumerRecord<byte[], byte[]> record : counts) {
            JsonSchemaAssert.assertMatchesSchema(JSON.readTree(record.value()), countsSchema);
        }
        JsonNode eventSchema = JsonSchemaAssert.schema("analytics-event.schema.json");
        List<String> settingsEvents = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : broker.readCommitted("events")) {
            JsonNode event = JSON.readTree(record.value());
            JsonSchemaAssert.assertMatchesSchema(event, eventSchema);
            if (event.get("type").asText().startsWith("config_")) {
                settingsEvents.add(event.get("type").asText() + " " + event.get("event_id").asText());
            }
        }
        assertThat(settingsEvents).as("each control-topic record is applied or rejected, naming the record")
                .hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("config_accepted").contains("kafka:control/0@0"))
                .anySatisfy(e -> assertThat(e).startsWith("config_rejected").contains("kafka:control/0@1"));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = broker.readCommitted("frames-dead-letters");
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
            String name = new String(letter.key(), StandardCharsets.UTF_8);
            reasons.put(name, header(letter, FrameTopic.DLQ_REASON));
            assertThat(letter.value()).as("original bytes of " + name).isEqualTo(broken.get(name));
            assertThat(header(letter, FrameTopic.DLQ_TOPIC)).isEqualTo("frames");
            assertThat(header(letter, FrameTopic.DLQ_DETAIL)).startsWith("frames/");
            assertThat(Long.parseLong(header(letter, FrameTopic.DLQ_OFFSET))).isNotNegative();
        }
        assertThat(reasons).isEqualTo(Map.of(
                "corrupt", "undecodable-image",
                "empty", "empty-image",
                "headerless", "missing-header",
                "oversized", "image-too-large",
                "bad-sequence", "invalid-header"));
    }

    /** A valid analytics update, then one whose line has no points. */
    private static void produceControlUpdates() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            producer.send(new ProducerRecord<>("control", null, String.join("\n",
                    "cameras:",
                    "  street:",
                    "    lines: [{name: far, points: [[0, 100], [640, 100]], in-side: right}]",
                    "").getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>("control", null,
                    "cameras: {street: {lines: [{name: broken}]}}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /** Broken records keyed by a name saying what is wrong with them; returns each one's value. */
    private static Map<String, byte[]> produceBrokenRecords() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        byte[] jpeg = FrameImages.jpeg(image, 80);
        byte[] noise = new byte[MAX_IMAGE_BYTES + 1];
        new Random(7).nextBytes(noise);
        Map<String, byte[]> values = Map.of(
                "corrupt", "this is not a JPEG".getBytes(StandardCharsets.UTF_8),
                "empty", new byte[0],
                "headerless", jpeg,
                "oversized", noise,
                "bad-sequence", jpeg);
        try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
            for (String name : new TreeSet<>(values.keySet())) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("frames", FrameTopic.text(name), values.get(name));
                if (!name.equals("headerless")) {
                    record.headers()
                            .add(FrameTopic.CAMERA_ID, FrameTopic.text("street"))
                            .add(FrameTopic.SEQUENCE, FrameTopic.text(name.equals("bad-sequence") ? "first" : "1000"))
                            .add(FrameTopic.CAPTURE_TIMESTAMP, FrameTopic.text(Long.toString(System.currentTimeMillis())))
                            .add(FrameTopic.CONTENT_TYPE, FrameTopic.text(FrameTopic.JPEG));
                }
                producer.send(record).get();
            }
        }
        return values;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
