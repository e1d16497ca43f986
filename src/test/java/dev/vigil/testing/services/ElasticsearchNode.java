package dev.vigil.testing.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real single-node Elasticsearch 7.10.2 cluster in its own JVM on 127.0.0.1 (free ports), with its
 * data under {@code target/services/} (deleted on {@link #close()}). {@link #stop()} and {@link #start()} restart it on the same data
 * directory, as an outage would. A small HTTP client runs the queries tests check results with.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceProcess process;
    private final int httpPort;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ElasticsearchNode(ServiceProcess process, int httpPort, Path dataDir) {
        this.process = process;
        this.httpPort = httpPort;
        this.dataDir = dataDir;
    }

    /** Starts a node with a fresh data directory named after {@code name}, and waits until it is green. */
    public static ElasticsearchNode start(String name) {
        int httpPort = FreePorts.pick();
        int transportPort = FreePorts.pick();
        Path dir = Path.of("target", "services", name + "-" + httpPort).toAbsolutePath();
        String classpath = Path.of("target", "test-classes").toAbsolutePath() + java.io.File.pathSeparator
                + MavenClasspath.of("elasticsearch-node");
        ServiceProcess process = ServiceProcess.startJava(name, classpath,
                List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"),
                ElasticsearchNodeMain.class.getName(),
                List.of(dir.resolve("es").toString(), String.valueOf(httpPort), String.valueOf(transportPort)), dir);
        ElasticsearchNode node = new ElasticsearchNode(process, httpPort, dir.resolve("es"));
        node.awaitReady();
        return node;
    }

    /** Starts the node again on the same ports and data, and waits until its indices are back. */
    public void start() {
        process.start();
        awaitReady();
    }

    /** Shuts the node down (data kept). */
    public void stop() {
        process.stop();
    }

    /** Stops the node and deletes its data; its log stays under {@code target/services/} for diagnosis. */
    @Override
    public void close() {
        process.close();
        ServiceProcess.deleteRecursively(dataDir);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    private void awaitReady() {
        process.awaitPort(httpPort, Duration.ofMinutes(2));
        // Yellow is enough: indices may ask for replicas a single node cannot hold.
        request("GET", "/_cluster/health?wait_for_status=yellow&timeout=60s", null);
    }

    /** Makes every document written so far visible to searches. */
    public void refresh() {
        request("POST", "/_refresh", null);
    }

    /** {@code _count} over {@code indices} (a name, a pattern, comma-separated). */
    public long count(String indices) {
        return request("GET", "/" + indices + "/_count?ignore_unavailable=true&allow_no_indices=true", null)
                .get("count").asLong();
    }

    /** {@code _search} with the given body. */
    public JsonNode search(String indices, String body) {
        return request("POST", "/" + indices + "/_search", body);
    }

    /** Sends a request and returns the JSON answer; fails on an HTTP error status. */
    public JsonNode request(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
