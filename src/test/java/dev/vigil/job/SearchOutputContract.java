package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.sinks.elasticsearch.IndexFamily;
import dev.vigil.testing.Await;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.services.ElasticsearchNode;
import dev.vigil.testing.services.ElasticsearchNode.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The street analytics job indexing into a real search server: one document per record of every
 * stream (checked against the job's own exactly-once JSON Lines files), none added by a replay, none
 * lost or doubled across a 30 s outage of the node in the middle of a run, and the index templates
 * installed by {@code setup-elasticsearch}. The same tests for every server kind: each subclass names
 * its {@link Kind} ({@code ElasticsearchOutputIT} for 7.10.2, {@code Elasticsearch8OutputIT},
 * {@code Elasticsearch9OutputIT}, {@code OpenSearchOutputIT}); one node serves all tests of a class.
 */
abstract class SearchOutputContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ElasticsearchNode node;

    /** The server these tests run against. */
    abstract Kind kind();

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @BeforeEach
    void startNode() {
        assumeTrue(kind().java().isPresent(), kind() + " needs a newer Java than this machine has");
        if (node == null) {
            node = ElasticsearchNode.start(kind(), "search-output-" + kind().name().toLowerCase(Locale.ROOT));
        }
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @Test
    void indexesOneDocumentPerRecordAndAReplayAddsNone() throws Exception {
        String[] run = job("replay", "input.max-frames=150");

        assertThat(VigilCli.execute(run)).as(console.stderr()).isZero();
        node.refresh();
        Expected expected = expected();
        assertThat(expected.detections()).hasSize(150);
        assertThat(expected.events()).isNotEmpty();
        assertThat(expected.aggregates()).isNotEmpty();
        assertIndexedExactly("replay", expected);
        assertThat(node.count("replay-deadletter")).isZero();

        // The README's chart query: vehicles per camera per minute from the aggregates.
        JsonNode perMinute = node.search("replay-aggregates-*", perCameraPerMinute("car"));
        long carsInCounts = 0;
        for (String line : Files.readAllLines(dir.resolve("counts.jsonl"))) {
            JsonNode counts = MAPPER.readTree(line);
            if (counts.get("label").asText().equals("car")) {
                carsInCounts += counts.get("distinct_tracks").asLong();
            }
        }
        long carsInIndex = 0;
        for (JsonNode camera : perMinute.at("/aggregations/cameras/buckets")) {
            for (JsonNode minute : camera.at("/per_minute/buckets")) {
                carsInIndex += minute.at("/tracks/value").asLong();
            }
        }
        assertThat(carsInIndex).isEqualTo(carsInCounts);

        // Running the same input again overwrites every document instead of adding one.
        assertThat(VigilCli.execute(run)).as(console.stderr()).isZero();
        node.refresh();
        assertIndexedExactly("replay", expected);
        JsonNode again = node.request("GET", "/" + IndexFamily.DETECTIONS.indexName("replay", 0) + "/_doc/street:0",
                null);
        assertThat(again.get("_version").asLong()).isEqualTo(2);
    }

    @Test
    void anOutageOfThirtySecondsLosesAndDoublesNothing() throws Exception {
        // Live pace (24 fps) keeps the job running while the node is down; no restarts allowed, so a
        // failure of the sink would fail the run.
        String[] run = job("outage", "input.max-frames=360", "input.realtime=true", "job.restart-attempts=0",
                "job.checkpoint-interval=2s");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> VigilCli.execute(run));

        awaitDocuments("outage-detections-*", exit);
        node.stop();
        long stoppedAt = System.nanoTime();
        assertThat(exit).as("the job goes on while Elasticsearch is down").isNotDone();
        sleepUntil(stoppedAt + Duration.ofSeconds(30).toNanos());
        boolean runningThroughout = !exit.isDone();
        node.start();

        assertThat(exit.get(5, TimeUnit.MINUTES)).as(console.stderr()).isZero();
        assertThat(runningThroughout).as("the job neither failed nor finished during the outage").isTrue();
        node.refresh();
        Expected expected = expected();
        assertThat(expected.detections()).hasSize(360);
        assertIndexedExactly("outage", expected);
    }

    @Test
    void setupInstallsEveryTemplateAndCanRunAgain() {
        String[] setup = {"setup-elasticsearch", "--config", "conf/elasticsearch.yaml",
            "--set", "elasticsearch.hosts=" + node.baseUrl(), "--set", "elasticsearch.index-prefix=setup"};

        assertThat(VigilCli.execute(setup)).as(console.stderr()).isZero();
        assertThat(VigilCli.execute(setup)).as(console.stderr()).isZero();
        assertThat(console.stdout()).as("the server it found").contains(kind().displayName() + " at " + node.baseUrl());

        for (IndexFamily family : IndexFamily.values()) {
            JsonNode template = node.request("GET", "/_index_template/setup-" + family.id(), null)
                    .at("/index_templates/0/index_template");
            assertThat(template.at("/index_patterns/0").asText()).isEqualTo(family.indexPattern("setup"));
            assertThat(template.at("/template/settings/index/number_of_replicas").asText()).isEqualTo("0");
        }
        assertThat(console.stdout()).contains("setup-detections", "setup-deadletter");
    }

    /** The job's arguments: the street analytics config, files under the temp dir, indices under {@code prefix}. */
    private String[] job(String prefix, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "--config", "conf/street-analytics.yaml",
                "--set", "output.path=" + dir.resolve("detections.jsonl"),
                "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"),
                "--set", "output.events-path=" + dir.resolve("events.jsonl"),
                "--set", "output.counts-path=" + dir.resolve("counts.jsonl"),
                "--set", "elasticsearch.hosts=" + node.baseUrl(),
                "--set", "elasticsearch.index-prefix=" + prefix,
                "--set", "elasticsearch.replicas=0",
                "--set", "elasticsearch.bulk.max-actions=50",
                "--set", "elasticsearch.bulk.backoff-max=2s"));
        for (String setting : settings) {
            args.add("--set");
            args.add(setting);
        }
        return args.toArray(new String[0]);
    }

    /** Document ids (by concrete index) of every record in the job's exactly-once JSON Lines files. */
    private record Expected(Map<String, String> detections, Map<String, String> tracks, Map<String, String> events,
            Map<String, String> aggregates) {}

    private Expected expected() throws IOException {
        Function<JsonNode, String> frameId = r -> r.get("camera_id").asText() + ":" + r.get("sequence").asLong();
        return new Expected(
                ids("detections.jsonl", frameId, r -> dayIndex(IndexFamily.DETECTIONS, r.get("timestamp_ms").asLong())),
                ids("tracks.jsonl", frameId, r -> dayIndex(IndexFamily.TRACKS, r.get("timestamp_ms").asLong())),
                ids("events.jsonl", r -> r.get("event_id").asText(),
                        r -> dayIndex(IndexFamily.EVENTS, r.get("timestamp_ms").asLong())),
                ids("counts.jsonl", r -> r.get("camera_id").asText() + ":" + r.get("window_start_ms").asLong() + ":"
                        + r.get("label").asText(),
                        r -> dayIndex(IndexFamily.AGGREGATES, r.get("window_start_ms").asLong())));
    }

    /** The index of a record without its prefix ({@code detections-1970.01.01}). */
    private static String dayIndex(IndexFamily family, long timestampMillis) {
        return family.indexName("", timestampMillis).substring(1);
    }

    private Map<String, String> ids(String file, Function<JsonNode, String> id, Function<JsonNode, String> index)
            throws IOException {
        Map<String, String> ids = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(file))) {
            JsonNode record = MAPPER.readTree(line);
            assertThat(ids.put(id.apply(record), index.apply(record))).as("duplicate record in " + file).isNull();
        }
        return ids;
    }

    private static void assertIndexedExactly(String prefix, Expected expected) {
        assertFamily(prefix, IndexFamily.DETECTIONS, expected.detections());
        assertFamily(prefix, IndexFamily.TRACKS, expected.tracks());
        assertFamily(prefix, IndexFamily.EVENTS, expected.events());
        assertFamily(prefix, IndexFamily.AGGREGATES, expected.aggregates());
    }

    /** {@code _count} equals the records, {@code _search} finds exactly their ids, {@code _mget} finds each in its index. */
    private static void assertFamily(String prefix, IndexFamily family, Map<String, String> ids) {
        String pattern = family.indexPattern(prefix);
        assertThat(node.count(pattern)).as("documents in " + pattern).isEqualTo(ids.size());
        JsonNode hits = node.search(pattern, "{\"size\": 10000, \"_source\": false, \"query\": {\"match_all\": {}}}")
                .at("/hits/hits");
        Set<String> found = new HashSet<>();
        hits.forEach(hit -> found.add(hit.get("_id").asText()));
        assertThat(found).as("ids in " + pattern).isEqualTo(ids.keySet());
        if (ids.isEmpty()) {
            return;
        }
        ObjectNode mget = MAPPER.createObjectNode();
        ArrayNode docs = mget.putArray("docs");
        ids.forEach((id, index) -> docs.addObject().put("_index", prefix + "-" + index).put("_id", id)
                .put("_source", false));
        JsonNode answer = node.request("POST", "/_mget", mget.toString());
        List<String> missing = new ArrayList<>();
        answer.get("docs").forEach(doc -> {
            if (!doc.path("found").asBoolean()) {
                missing.add(doc.get("_index").asText() + "/" + doc.get("_id").asText());
            }
        });
        assertThat(missing).as("documents not in their daily index").isEmpty();
    }

    /** The README's example: distinct tracks of one class per camera per minute. */
    static String perCameraPerMinute(String label) {
        return """
                {"size": 0,
                 "query": {"term": {"label": "%s"}},
                 "aggs": {"cameras": {"terms": {"field": "camera_id"},
                   "aggs": {"per_minute": {"date_histogram": {"field": "@timestamp", "fixed_interval": "1m"},
                     "aggs": {"tracks": {"sum": {"field": "distinct_tracks"}}}}}}}}
                """.formatted(label);
    }

    private static void awaitDocuments(String pattern, CompletableFuture<Integer> job) {
        Await.until("documents in " + pattern, Duration.ofMinutes(3), Duration.ofMillis(200), () -> {
            if (job.isDone()) {
                throw new AssertionError("no documents in " + pattern + " before the job ended; job exited "
                        + job.join());
            }
            try {
                node.refresh();
                return node.count(pattern) > 0;
            } catch (RuntimeException notYet) {
                // the index may not exist yet
                return false;
            }
        }, () -> "job still running");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1000));
        }
    }
}
