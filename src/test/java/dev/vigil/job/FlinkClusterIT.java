package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.job.cluster.FlinkRestClient;
import dev.vigil.job.cluster.FlinkRestException;
import dev.vigil.testing.Await;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.FlinkCluster;
import dev.vigil.testing.services.KafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job jar on a real standalone Flink cluster (a JobManager and two TaskManagers, each its own JVM),
 * submitted over REST as the Web UI does it, and operated as a Flink user would: parallelism from the
 * submission, a config error answered in the REST response, a TaskManager killed mid-run, a stop with a
 * savepoint and a resubmission at another parallelism, and application mode.
 */
class FlinkClusterIT {

    private static final Path JAR = Path.of("target", "vigil.jar").toAbsolutePath();
    private static final Path STREET = TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    private static FlinkCluster cluster;
    private static KafkaBroker kafka;
    private static FlinkRestClient rest;
    private static String jarId;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path out;

    @BeforeAll
    static void startCluster() throws Exception {
        assertThat(JAR).as("the job jar (mvn package builds it before the integration tests)").isRegularFile();
        cluster = FlinkCluster.startSession(Path.of("target", "services", "flink-session"), 2, 2, Map.of());
        kafka = KafkaBroker.start(Path.of("target", "services", "kafka-flink-session"));
        rest = new FlinkRestClient(URI.create(cluster.restUrl()));
        jarId = rest.uploadJar(JAR);
    }

    @AfterAll
    static void stopCluster() {
        if (kafka != null) {
            kafka.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theStreetDemoRunsAtTheSubmittedParallelismWithOneModelPerTaskManager() throws Exception {
        long[] logStarts = taskManagerLogLengths();
        int exit = VigilCli.execute("submit", "--rest", cluster.restUrl(), "--jar", JAR.toString(),
                "-c", "conf/demo.yaml", "-p", "2",
                "--set", "input.paths=" + STREET,
                "--set", "input.max-frames=300",
                "--set", "model.mirror=" + TestData.modelMirror().toAbsolutePath(),
                "--set", "output.path=" + out.resolve("detections.jsonl"),
                "--set", "output.rejects-path=" + out.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + out.resolve("tracks.jsonl"));
        assertThat(exit).as(console.stderr()).isZero();
        Matcher submitted = Pattern.compile("Submitted job ([0-9a-f]{32})").matcher(console.stdout());
        assertThat(submitted.find()).as(console.stdout()).isTrue();
        String job = submitted.group(1);
        assertThat(console.stdout()).contains(cluster.restUrl() + "/#/job/running/" + job + "/overview");

        awaitState(job, "FINISHED");

        JsonNode detect = vertex(job, "detect");
        assertThat(detect.path("parallelism").asInt()).as("-p 2, the demo config not setting parallelism").isEqualTo(2);
        assertThat(framesOf(jsonLines(out, "detections"))).as("every frame once")
                .isEqualTo(expected(Map.of("street", 300L)));
        Map<Integer, Integer> subtasks = detectSubtasksPerTaskManager(job, detect);
        Map<Integer, Long> loads = modelLoadsPerTaskManager(logStarts);
        System.out.println("cluster demo: detect subtasks per TaskManager " + subtasks + ", models loaded " + loads);
        subtasks.forEach((taskManager, count) -> assertThat(loads.getOrDefault(taskManager, 0L))
                .as("models loaded by TaskManager %d, which ran %d detect subtasks", taskManager, count).isEqualTo(1));
    }

    @Test
    void aConfigErrorComesBackInTheRestAnswerAndTheJobManagerTakesTheNextJob() throws Exception {
        assertThatThrownBy(() -> rest.runJar(jarId, List.of("run", "--config-yaml", "model: {nam: x}"), null, null))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageContaining("--config-yaml: 1 problem")
                .hasMessageContaining("model.nam: unknown key (did you mean model.name?)")
                .hasMessageNotContaining("\tat ");
        // The README's local arguments: the file is not where the JobManager runs.
        assertThatThrownBy(() -> rest.runJar(jarId, List.of("run", "-c", "conf/demo.yaml"), null, null))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageContaining("conf/demo.yaml: 1 problem")
                .hasMessageContaining("config file not found in ")
                .hasMessageContaining("vigil submit");
        assertThatThrownBy(() -> rest.runJar(jarId, List.of("run", "--config-yaml",
                        "input: {paths: [data/street.mp4]}\nmodel: {mirror: " + TestData.modelMirror().toAbsolutePath()
                                + "}"), null, null))
                .isInstanceOf(FlinkRestException.class)
                .hasMessageContaining("input.paths[0]: 'data/street.mp4' is a relative path; a job on a Flink cluster")
                .hasMessageContaining("output.path: 'out/detections.jsonl' is a relative path");
        assertThat(cluster.jobManagerAlive()).isTrue();

        String job = rest.runJar(jarId, runArgs(config(out, Map.of("input.max-frames", "20"))), 1, null);
        awaitState(job, "FINISHED");
        assertThat(framesOf(jsonLines(out, "detections"))).isEqualTo(expected(Map.of("street", 20L)));
    }

    @Test
    void flinkRunAttachedPrintsProgressAndTheSummaryOrTheConfigProblem() throws Exception {
        Path config = out.resolve("job.yaml");
        Files.writeString(config, config(out, Map.of("input.max-frames", "40")));
        FlinkCluster.ClientRun run = cluster.flinkClient(List.of("run", "-p", "2", JAR.toString(),
                "run", "-c", config.toString()), JOB_TIMEOUT);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Job has been submitted with JobID", "Done in", "frames: 40 processed");
        assertThat(framesOf(jsonLines(out, "detections"))).isEqualTo(expected(Map.of("street", 40L)));

        FlinkCluster.ClientRun refused = cluster.flinkClient(List.of("run", JAR.toString(),
                "run", "--config-yaml", "model: {nam: x}"), JOB_TIMEOUT);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("model.nam: unknown key (did you mean model.name?)");
        assertThat(cluster.jobManagerAlive()).isTrue();
    }

    @Test
    void aKilledTaskManagerIsRecoveredFromWithEveryFrameOnceInFilesAndKafka() throws Exception {
        String topic = "cluster-failover-detections";
        kafka.createTopics(2, topic);
        Map<String, String> settings = new HashMap<>(Map.of(
                "input.paths", "[" + STREET + ", " + STREET + "]",
                "input.camera-ids", "[north, south]",
                "input.realtime", "true",
                "input.max-frames", "250",
                "job.checkpoint-interval", "2s",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "kafka.detections-topic", topic,
                "kafka.delivery-guarantee", "exactly-once",
                "kafka.transactional-id-prefix", "failover-" + System.nanoTime()));
        String job = rest.runJar(jarId, runArgs(config(out, settings)), 2, null);
        awaitCompletedCheckpoints(job, 1);
        long lastBefore = completedCheckpoints(job);

        int victim = detectSubtasksPerTaskManager(job, vertex(job, "detect")).keySet().iterator().next();
        long killedAt = System.nanoTime();
        cluster.killTaskManager(victim);
        cluster.startTaskManager();
        Await.until("the job to run again after the kill", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> restartedAndRunning(job));
        long runningMillis = (System.nanoTime() - killedAt) / 1_000_000;
        Await.until("a checkpoint after the restore", Duration.ofMinutes(2), Duration.ofMillis(100),
                () -> completedCheckpoints(job) > lastBefore || "FINISHED".equals(rest.jobState(job)));
        long checkpointMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("cluster failover: TaskManager %d killed; all tasks running again after %d ms, first "
                + "checkpoint after the restore %d ms after the kill%n", victim, runningMillis, checkpointMillis);

        awaitState(job, "FINISHED");
        Map<String, Long> expected = expected(Map.of("north", 250L, "south", 250L));
        assertThat(framesOf(jsonLines(out, "detections"))).as("JSON Lines files").isEqualTo(expected);
        assertThat(framesOf(kafka.readCommitted(topic).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList()))
                .as("the Kafka topic, read_committed; %s", kafka.openTransactions()).isEqualTo(expected);
    }

    @Test
    void aStopWithSavepointAndAResubmitAtAnotherParallelismGoOnWhereTheJobStopped() throws Exception {
        String prefix = "cluster-rescale";
        kafka.createTopics(2, prefix + "-detections", prefix + "-tracks", prefix + "-counts");
        Map<String, String> settings = new HashMap<>(Map.of(
                "input.camera-ids", "[street]",
                "input.realtime", "true",
                "input.max-frames", "400",
                "job.checkpoint-interval", "2s",
                "kafka.bootstrap-servers", kafka.bootstrapServers(),
                "kafka.detections-topic", prefix + "-detections",
                "kafka.tracks-topic", prefix + "-tracks",
                "kafka.counts-topic", prefix + "-counts",
                "kafka.delivery-guarantee", "exactly-once",
                "kafka.transactional-id-prefix", prefix + "-" + System.nanoTime()));
        String yaml = config(out, settings) + "\n" + Files.readString(Path.of("conf/street-analytics.yaml"))
                .replaceAll("(?s)^.*?(?=\nanalytics:)", "").replaceAll("(?s)\noutput:.*$", "");

        String first = rest.runJar(jarId, runArgs(yaml), 2, null);
        awaitCompletedCheckpoints(first, 2);
        String savepoint = rest.stopWithSavepoint(first, out.resolve("savepoints").toUri().toString(),
                Duration.ofMinutes(2));
        awaitState(first, "FINISHED");
        List<JsonNode> tracksBefore = records(prefix + "-tracks");
        long[] logStarts = taskManagerLogLengths();

        String second = rest.runJar(jarId, runArgs(yaml), 4, savepoint);
        awaitState(second, "FINISHED");

        assertThat(vertex(second, "detect").path("parallelism").asInt()).isEqualTo(4);
        List<JsonNode> detections = records(prefix + "-detections");
        assertThat(framesOf(detections.stream().map(JsonNode::toString).toList()))
                .as("every frame once across both runs: nothing lost, nothing re-emitted")
                .isEqualTo(expected(Map.of("street", 400L)));
        long stoppedAt = tracksBefore.stream().mapToLong(t -> t.path("sequence").asLong()).max().orElseThrow();
        assertThat(stoppedAt).as("the first run stopped part way").isBetween(1L, 398L);

        // At a rescale the frames in flight in the detection stage are restored into other subtasks than
        // the one reading the camera on, so one may reach the tracker after a later frame: it is then
        // rejected as late, visibly, with its detections in the results. Each frame is tracked or so
        // rejected, once.
        List<JsonNode> tracks = records(prefix + "-tracks");
        List<String> lateRejects = jsonLines(out, "rejects").stream()
                .filter(line -> line.contains("\"stage\":\"track\"")).toList();
        List<String> trackedOrLate = new ArrayList<>(tracks.stream().map(JsonNode::toString).toList());
        trackedOrLate.addAll(lateRejects);
        assertThat(framesOf(trackedOrLate)).as("tracked, or rejected as late: %s", lateRejects)
                .isEqualTo(expected(Map.of("street", 400L)));
        JsonNode lastBefore = tracks.stream().filter(t -> t.path("sequence").asLong() <= stoppedAt
                && !t.path("objects").isEmpty()).max(java.util.Comparator.comparingLong(
                        t -> t.path("sequence").asLong())).orElseThrow();
        JsonNode firstAfter = tracks.stream().filter(t -> t.path("sequence").asLong() > stoppedAt
                && !t.path("objects").isEmpty()).min(java.util.Comparator.comparingLong(
                        t -> t.path("sequence").asLong())).orElseThrow();
        Map<Long, Long> agesBefore = trackAges(lastBefore);
        Map<Long, Long> agesAfter = trackAges(firstAfter);
        assertThat(agesAfter.keySet()).as("track ids go on after the restore").containsAnyElementsOf(agesBefore.keySet());
        agesBefore.forEach((id, age) -> {
            if (agesAfter.containsKey(id)) {
                assertThat(agesAfter.get(id)).as("age of track %d", id).isGreaterThan(age);
            }
        });

        List<JsonNode> counts = records(prefix + "-counts");
        List<String> windows = counts.stream().map(c -> c.path("camera_id").asText() + "@"
                + c.path("window_start_ms").asLong() + "/" + c.path("label").asText()).toList();
        assertThat(windows).as("each window counted once").doesNotHaveDuplicates();
        assertThat(counts.stream().map(c -> c.path("window_start_ms").asLong()).distinct().count())
                .as("16 s of video in 10 s windows").isEqualTo(2);

        Map<Integer, Long> loads = modelLoadsPerTaskManager(logStarts);
        System.out.println("cluster rescale: stopped after frame " + stoppedAt + ", resumed at parallelism 4; "
                + lateRejects.size() + " frame(s) reached the tracker late; models loaded per TaskManager " + loads);
        assertThat(loads.values()).as("two detect subtasks per TaskManager, one model each").containsOnly(1L);
    }

    @Test
    void applicationModeRunsTheJarInTheJobManagerAndEndsWithTheJob(@TempDir Path work) throws Exception {
        String yaml = config(out, Map.of("input.max-frames", "30"));
        try (FlinkCluster application = FlinkCluster.startApplication(work.resolve("good"), JAR,
                runArgs(yaml), 1, Map.of())) {
            assertThat(application.awaitJobManagerExit(JOB_TIMEOUT)).as("JobManager exit status").isZero();
        }
        assertThat(framesOf(jsonLines(out, "detections"))).isEqualTo(expected(Map.of("street", 30L)));

        try (FlinkCluster application = FlinkCluster.startApplication(work.resolve("bad"), JAR,
                runArgs("model: {nam: x}"), 1, Map.of())) {
            assertThat(application.awaitJobManagerExit(JOB_TIMEOUT)).as("JobManager exit status").isNotZero();
            assertThat(Files.readString(application.jobManagerLog()))
                    .contains("model.nam: unknown key (did you mean model.name?)");
        }
    }

    /** A job config (flat keys) reading the street video into files under {@code dir}, plus {@code settings}. */
    private static String config(Path dir, Map<String, String> settings) {
        Map<String, String> keys = new TreeMap<>(Map.of(
                "job.name", "cluster-test",
                "input.paths", "[" + STREET + "]",
                "input.camera-ids", "[street]",
                "model.name", "nanodet-plus-m-320",
                "model.mirror", TestData.modelMirror().toAbsolutePath().toString(),
                "output.path", dir.resolve("detections.jsonl").toString(),
                "output.rejects-path", dir.resolve("rejects.jsonl").toString(),
                "output.tracks-path", dir.resolve("tracks.jsonl").toString(),
                "output.events-path", dir.resolve("events.jsonl").toString(),
                "output.counts-path", dir.resolve("counts.jsonl").toString()));
        keys.putAll(settings);
        return keys.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static List<String> runArgs(String yaml) {
        return List.of("run", "--config-yaml", yaml);
    }

    private static void awaitState(String job, String state) throws Exception {
        Await.until("job " + job + " to be " + state, JOB_TIMEOUT, Duration.ofMillis(250), () -> {
            String now = rest.jobState(job);
            if (!now.equals(state) && Set.of("FAILED", "CANCELED", "FINISHED").contains(now)) {
                throw new AssertionError("job " + job + " ended " + now + ": "
                        + rest.get("jobs/" + job + "/exceptions").path("root-exception").asText());
            }
            return now.equals(state);
        });
    }

    private static long completedCheckpoints(String job) throws Exception {
        return rest.get("jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
    }

    private static void awaitCompletedCheckpoints(String job, long count) throws Exception {
        Await.until(count + " checkpoints of job " + job, JOB_TIMEOUT, Duration.ofMillis(100),
                () -> completedCheckpoints(job) >= count);
    }

    /** Whether the job has been restarted and every one of its tasks runs again. */
    private static boolean restartedAndRunning(String job) throws Exception {
        JsonNode details = rest.get("jobs/" + job);
        if (!"RUNNING".equals(details.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : details.path("vertices")) {
            JsonNode tasks = vertex.path("tasks");
            if (tasks.path("RUNNING").asInt() + tasks.path("FINISHED").asInt() != vertex.path("parallelism").asInt()) {
                return false;
            }
        }
        // Attempts above zero: the tasks running are the restored ones.
        JsonNode subtasks = rest.get("jobs/" + job + "/vertices/" + vertex(job, "detect").path("id").asText());
        for (JsonNode subtask : subtasks.path("subtasks")) {
            if (subtask.path("attempt").asInt() == 0) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode vertex(String job, String operator) throws Exception {
        for (JsonNode vertex : rest.get("jobs/" + job).path("vertices")) {
            if (vertex.path("name").asText().contains(operator)) {
                return vertex;
            }
        }
        throw new AssertionError("job " + job + " has no vertex with " + operator);
    }

    /** TaskManager index → detect subtasks it runs. */
    private static Map<Integer, Integer> detectSubtasksPerTaskManager(String job, JsonNode detect) throws Exception {
        Map<Integer, Integer> perTaskManager = new TreeMap<>();
        JsonNode taskManagers = rest.get("jobs/" + job + "/vertices/" + detect.path("id").asText() + "/taskmanagers");
        for (JsonNode taskManager : taskManagers.path("taskmanagers")) {
            int subtasks = 0;
            for (JsonNode count : taskManager.path("status-counts")) {
                subtasks += count.asInt();
            }
            perTaskManager.merge(taskManagerIndex(taskManager.path("taskmanager-id").asText()), subtasks, Integer::sum);
        }
        return perTaskManager;
    }

    /** Which of the cluster's TaskManagers has {@code resourceId} (it names itself so in its log). */
    private static int taskManagerIndex(String resourceId) {
        for (int i = 0; i < cluster.taskManagerCount(); i++) {
            if (log(i).contains(resourceId)) {
                return i;
            }
        }
        throw new AssertionError("no TaskManager log names " + resourceId);
    }

    private static long[] taskManagerLogLengths() {
        long[] lengths = new long[cluster.taskManagerCount()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = log(i).length();
        }
        return lengths;
    }

    /** TaskManager index → models it loaded since the logs had {@code starts} characters. */
    private static Map<Integer, Long> modelLoadsPerTaskManager(long[] starts) {
        Map<Integer, Long> loads = new TreeMap<>();
        for (int i = 0; i < cluster.taskManagerCount(); i++) {
            String log = log(i);
            String since = log.substring((int) Math.min(log.length(), i < starts.length ? starts[i] : 0));
            long count = since.lines().filter(line -> line.contains("Loaded model ")).count();
            if (count > 0) {
                loads.put(i, count);
            }
        }
        return loads;
    }

    private static String log(int taskManager) {
        try {
            return Files.readString(cluster.taskManagerLog(taskManager));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of every file a JSON Lines output of {@code name} wrote in {@code dir} (one per writer). */
    private static List<String> jsonLines(Path dir, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(name + "(-\\d+)?\\.jsonl")).toList()) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }

    private static List<JsonNode> records(String topic) {
        return kafka.readCommitted(topic).stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** "camera#sequence" → how often it appears among the records. */
    private static Map<String, Long> framesOf(List<String> records) throws IOException {
        Map<String, Long> frames = new TreeMap<>();
        for (String record : records) {
            JsonNode json = JSON.readTree(record);
            frames.merge(json.path("camera_id").asText() + "#" + json.path("sequence").asLong(), 1L, Long::sum);
        }
        return frames;
    }

    /** Every frame of each camera (0 to its count minus one), once. */
    private static Map<String, Long> expected(Map<String, Long> framesPerCamera) {
        Map<String, Long> frames = new TreeMap<>();
        framesPerCamera.forEach((camera, count) -> LongStream.range(0, count).forEach(s -> frames.put(camera + "#" + s, 1L)));
        return frames;
    }

    private static Map<Long, Long> trackAges(JsonNode trackedFrame) {
        Map<Long, Long> ages = new HashMap<>();
        for (JsonNode object : trackedFrame.path("objects")) {
            ages.put(object.path("track_id").asLong(), object.path("age_frames").asLong());
        }
        return ages;
    }
}
