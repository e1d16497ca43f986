package dev.vigil.job;

import dev.vigil.job.cluster.FlinkRestClient;
import dev.vigil.k8s.GrafanaDashboard;
import dev.vigil.testing.Await;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.ElasticsearchNode;
import dev.vigil.testing.services.FlinkCluster;
import dev.vigil.testing.services.KafkaBroker;
import dev.vigil.testing.services.PrometheusScrape;
import dev.vigil.testing.services.RtspServer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scrapes Flink's Prometheus reporter on a real standalone cluster (a JobManager and two TaskManagers, the
 * reporter loaded as a plugin, as in the Kubernetes image) while two Vigil jobs run on it: two live RTSP cameras
 * written to JSON Lines, Kafka and Elasticsearch, and a Kafka frame input that has received a record it cannot
 * decode. Every metric of the README's metric table is found with its labels, and every metric the Grafana
 * dashboard queries is one that was found.
 */
class PrometheusMetricsIT {

    private static final Path JAR = Path.of("target", "vigil.jar").toAbsolutePath();
    private static final String OPERATOR = "flink_taskmanager_job_task_operator_";
    private static final Set<String> CAMERAS = Set.of("gate", "back-yard");

    private static RtspServer cameras;
    private static KafkaBroker kafka;
    private static ElasticsearchNode elasticsearch;
    private static FlinkCluster cluster;
    private static FlinkRestClient rest;

    @TempDir
    Path out;

    @BeforeAll
    static void startServices() throws Exception {
        assertThat(JAR).as("the job jar (mvn package builds it before the integration tests)").isRegularFile();
        cameras = RtspServer.builder().pattern("gate", 320, 240, 10).pattern("back-yard", 320, 240, 10).start();
        kafka = KafkaBroker.start(Path.of("target", "services", "kafka-prometheus"));
        elasticsearch = ElasticsearchNode.start("es-prometheus");
        cluster = FlinkCluster.startSession(Path.of("target", "services", "flink-prometheus"), 2, 2, Map.of());
        rest = new FlinkRestClient(URI.create(cluster.restUrl()));
    }

    @AfterAll
    static void stopServices() {
        for (AutoCloseable service : new AutoCloseable[] {cluster, elasticsearch, kafka, cameras}) {
            if (service != null) {
                try {
                    service.close();
                } catch (Exception e) {
                    System.err.println("closing " + service + ": " + e);
                }
            }
        }
    }

    @Test
    void everyCameraAndStageIsScrapedFromTheTaskManagers() throws Exception {
        kafka.createTopics(1, "metrics-frames", "metrics-frames-dead-letters", "metrics-detections");
        String jarId = rest.uploadJar(JAR);
        String live = rest.runJar(jarId, List.of("run", "--config-yaml", liveConfig()), 2, null);
        String fromKafka = rest.runJar(jarId, List.of("run", "--config-yaml", kafkaConfig()), 1, null);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            // No headers: a dead letter with reason missing-header.
            producer.send(new ProducerRecord<>("metrics-frames", "not a frame".getBytes(StandardCharsets.UTF_8))).get();
        }
        List<URI> endpoints = IntStream.range(0, cluster.taskManagerCount()).mapToObj(cluster::prometheusUrl).toList();
        PrometheusScrape[] last = new PrometheusScrape[1];
        Await.until("both cameras detected, a dead letter counted and documents indexed, as scraped",
                Duration.ofMinutes(3), Duration.ofSeconds(1), () -> {
                    for (String job : List.of(live, fromKafka)) {
                        String state = rest.jobState(job);
                        if (Set.of("FAILED", "CANCELED", "FINISHED").contains(state)) {
                            throw new AssertionError("job " + job + " ended " + state + ": "
                                    + rest.get("jobs/" + job + "/exceptions").path("root-exception").asText());
                        }
                    }
                    last[0] = PrometheusScrape.of(endpoints);
                    return camerasWith(last[0], "camera_framesDetected").containsAll(CAMERAS)
                            && sum(last[0], "reason_deadLetters") >= 1
                            && sum(last[0], "camera_framesDecoded") > 0;
                });
        // Meters update every few seconds: wait for a rate.
        Await.until("frame rates", Duration.ofSeconds(30), Duration.ofSeconds(1), () -> {
            last[0] = PrometheusScrape.of(endpoints);
            return camerasWith(last[0], "camera_framesDetectedPerSecond", 0.0).containsAll(CAMERAS);
        });
        PrometheusScrape scrape = last[0];
        Path names = Path.of("target", "prometheus-scrape.txt");
        Files.writeString(names, String.join("\n", scrape.names()) + "\n");
        System.out.println("scraped " + scrape.samples().size() + " samples of " + scrape.names().size()
                + " metrics from " + endpoints + " (names in " + names + ")");
        rest.cancel(live);
        rest.cancel(fromKafka);

        // The README's metric table, per camera: every camera in every metric.
        for (String metric : List.of("camera_framesDecoded", "camera_framesDecodedPerSecond", "camera_framesDetected",
                "camera_framesDetectedPerSecond", "camera_framesSkipped", "camera_framesSkippedPerSecond",
                "camera_captureToResultMillis", "camera_state", "camera_framesLost", "camera_failedAttempts")) {
            assertThat(scrape.labelValues(OPERATOR + metric, "camera")).as(metric).containsAll(CAMERAS);
        }
        assertThat(camerasWith(scrape, "camera_framesDecodedPerSecond")).as("decoding now").containsAll(CAMERAS);
        for (PrometheusScrape.Sample state : scrape.of(OPERATOR + "camera_state")) {
            assertThat(state.value()).as("%s streaming", state.labels()).isEqualTo(1.0);
        }
        for (String quantile : List.of("0.5", "0.95")) {
            assertThat(scrape.of(OPERATOR + "camera_captureToResultMillis").stream()
                    .filter(s -> quantile.equals(s.label("quantile"))).map(s -> s.label("camera")).toList())
                    .as("capture-to-result p%s", quantile).containsAll(CAMERAS);
        }
        // The detector's, the rejects' and the outputs'.
        for (String metric : List.of("batchSize", "batchWaitMillis", "inferenceMillis")) {
            assertThat(scrape.labelValues(OPERATOR + metric, "quantile")).as(metric).contains("0.5", "0.95");
            assertThat(scrape.labelValues(OPERATOR + metric, "operator_name")).as(metric).containsOnly("detect");
        }
        for (String metric : List.of("queueDepth", "inFlightBytes", "pendingDocuments", "bulkRetries", "deadLetters")) {
            assertThat(scrape.of(OPERATOR + metric)).as(metric).isNotEmpty();
        }
        assertThat(scrape.labelValues(OPERATOR + "stage_framesRejected", "stage"))
                .containsExactlyInAnyOrder("decode", "detect", "track", "count");
        assertThat(scrape.labelValues(OPERATOR + "reason_deadLetters", "reason")).containsExactlyInAnyOrder(
                "empty-image", "image-too-large", "missing-header", "invalid-header", "unknown-camera",
                "undecodable-image");
        assertThat(scrape.of(OPERATOR + "reason_deadLetters").stream()
                .filter(s -> "missing-header".equals(s.label("reason"))).mapToDouble(PrometheusScrape.Sample::value).sum())
                .isEqualTo(1.0);

        // What the Grafana dashboard draws is there to draw.
        assertThat(GrafanaDashboard.load().metricNames()).isNotEmpty()
                .allSatisfy(metric -> assertThat(scrape.names()).as("dashboard metric").contains(metric));
    }

    /** Cameras whose samples of {@code metric} (without the operator prefix) are above {@code floor}. */
    private static Set<String> camerasWith(PrometheusScrape scrape, String metric, double floor) {
        Set<String> cameras = new java.util.TreeSet<>();
        for (PrometheusScrape.Sample sample : scrape.of(OPERATOR + metric)) {
            if (sample.value() > floor && sample.label("camera") != null) {
                cameras.add(sample.label("camera"));
            }
        }
        return cameras;
    }

    private static Set<String> camerasWith(PrometheusScrape scrape, String metric) {
        return camerasWith(scrape, metric, 0.0);
    }

    private static double sum(PrometheusScrape scrape, String metric) {
        return scrape.of(OPERATOR + metric).stream().mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    private String liveConfig() {
        return """
                job: {name: metrics-live, checkpoint-interval: 2s}
                input:
                  type: rtsp
                  cameras:
                    - {id: gate, url: "rtsp://127.0.0.1:%1$d/gate"}
                    - {id: back-yard, url: "rtsp://127.0.0.1:%1$d/back-yard"}
                model: {name: nanodet-plus-m-320, mirror: "%2$s"}
                output:
                  path: %3$s/detections.jsonl
                  rejects-path: %3$s/rejects.jsonl
                  tracks-path: %3$s/tracks.jsonl
                  camera-status-path: %3$s/camera-status.jsonl
                kafka: {bootstrap-servers: "%4$s", detections-topic: metrics-detections}
                elasticsearch: {hosts: ["%5$s"], index-prefix: metrics, replicas: 0}
                """.formatted(cameras.port(), TestData.modelMirror().toAbsolutePath(), out, kafka.bootstrapServers(),
                elasticsearch.baseUrl());
    }

    private String kafkaConfig() {
        return """
                job: {name: metrics-kafka}
                input: {type: kafka}
                model: {name: nanodet-plus-m-320, mirror: "%1$s"}
                kafka: {bootstrap-servers: "%2$s", frames-topic: metrics-frames, starting-offsets: earliest}
                output:
                  path: %3$s/kafka-detections.jsonl
                  rejects-path: %3$s/kafka-rejects.jsonl
                  tracks-path: %3$s/kafka-tracks.jsonl
                """.formatted(TestData.modelMirror().toAbsolutePath(), kafka.bootstrapServers(), out);
    }
}
