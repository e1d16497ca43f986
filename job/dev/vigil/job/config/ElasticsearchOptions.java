package dev.vigil.job.config;

import java.time.Duration;
import java.util.List;

/**
 * Keys of the Elasticsearch output ({@code elasticsearch.*}), which writes to Elasticsearch 7.10+, 8, 9
 * and OpenSearch 2+ alike; setting {@code elasticsearch.hosts} turns it on.
 */
public final class ElasticsearchOptions {

    private ElasticsearchOptions() {}

    public static final ConfigOption<List<String>> HOSTS = ConfigOption.of(
            "elasticsearch.hosts", ValueType.stringList(), null,
            "Elasticsearch (7.10+, 8, 9) or OpenSearch (2+) nodes as http(s)://host:port; setting this indexes the "
                    + "job's results there.");
    public static final ConfigOption<Duration> CONNECT_TIMEOUT = ConfigOption.of(
            "elasticsearch.connect-timeout", ValueType.positiveDuration(), Duration.ofSeconds(10),
            "How long the check before the job starts waits for a node of elasticsearch.hosts to answer; the job "
                    + "is not started when none does.");
    public static final ConfigOption<String> INDEX_PREFIX = ConfigOption.of(
            "elasticsearch.index-prefix", ValueType.string(), "vigil",
            "Indices are <prefix>-<detections|tracks|events|aggregates>-<yyyy.MM.dd of event time, UTC>, dead "
                    + "letters <prefix>-deadletter.");
    public static final ConfigOption<List<String>> STREAMS = ConfigOption.of(
            "elasticsearch.streams", ValueType.stringList(), null,
            "Which streams to index, of detections, tracks, events, aggregates; default: every stream the job has.");
    public static final ConfigOption<String> USERNAME = ConfigOption.of(
            "elasticsearch.username", ValueType.string(), null, "Basic auth user (with elasticsearch.password).");
    public static final ConfigOption<String> PASSWORD = ConfigOption.of(
            "elasticsearch.password", ValueType.string(), null,
            "Basic auth password; use ${ENV_VAR} rather than writing it into the file. Never logged.");
    public static final ConfigOption<String> API_KEY = ConfigOption.of(
            "elasticsearch.api-key", ValueType.string(), null,
            "API key (the encoded form Elasticsearch returns), instead of username/password. Never logged.");
    public static final ConfigOption<String> BEARER_TOKEN = ConfigOption.of(
            "elasticsearch.bearer-token", ValueType.string(), null,
            "Bearer token (an Elasticsearch service account token, an OAuth/JWT token behind a proxy), sent as "
                    + "'Authorization: Bearer'; instead of username/password or an API key. Never logged.");
    public static final ConfigOption<String> CA_CERTIFICATE_PATH = ConfigOption.of(
            "elasticsearch.ca-certificate-path", ValueType.string(), null,
            "PEM file with the CA certificate(s) of https hosts (Elasticsearch 8+'s http_ca.crt, say); instead of "
                    + "a trust store. Default: the JVM's trusted CAs.");
    public static final ConfigOption<String> TRUSTSTORE_PATH = ConfigOption.of(
            "elasticsearch.truststore-path", ValueType.string(), null,
            "Trust store (JKS/PKCS12) with the CA of https hosts; default: the JVM's trusted CAs.");
    public static final ConfigOption<String> TRUSTSTORE_PASSWORD = ConfigOption.of(
            "elasticsearch.truststore-password", ValueType.string(), null, "Password of the trust store. Never logged.");
    public static final ConfigOption<Boolean> VERIFY_HOSTNAME = ConfigOption.of(
            "elasticsearch.verify-hostname", ValueType.bool(), true,
            "Whether an https host's certificate must name the host it is reached by; turn off only for a "
                    + "certificate issued for another name (an IP address, a node name), never to silence a wrong CA.");
    public static final ConfigOption<Long> SHARDS = ConfigOption.of(
            "elasticsearch.shards", ValueType.integer(1, 1024), 1L, "Primary shards of each new daily index.");
    public static final ConfigOption<Long> REPLICAS = ConfigOption.of(
            "elasticsearch.replicas", ValueType.integer(0, 16), 1L,
            "Replicas of each new index; a single-node cluster is only green with 0.");
    public static final ConfigOption<Boolean> INSTALL_TEMPLATES = ConfigOption.of(
            "elasticsearch.install-templates", ValueType.bool(), true,
            "Put Vigil's index templates before the first write (idempotent); turn off where the job may not "
                    + "manage templates and run 'vigil setup-elasticsearch' with an admin's credentials instead.");
    public static final ConfigOption<Long> BULK_MAX_ACTIONS = ConfigOption.of(
            "elasticsearch.bulk.max-actions", ValueType.integer(1, 100_000), 1000L,
            "A bulk request is sent once this many documents wait.");
    public static final ConfigOption<Long> BULK_MAX_BYTES = ConfigOption.of(
            "elasticsearch.bulk.max-bytes", ValueType.integer(1, 1L << 30), 5L * 1024 * 1024,
            "A bulk request is sent once the waiting documents reach this size.");
    public static final ConfigOption<Duration> BULK_FLUSH_INTERVAL = ConfigOption.of(
            "elasticsearch.bulk.flush-interval", ValueType.duration(), Duration.ofSeconds(1),
            "Waiting documents are sent at least this often (and always at a checkpoint); 0 = only by size.");
    public static final ConfigOption<Duration> BULK_BACKOFF_INITIAL = ConfigOption.of(
            "elasticsearch.bulk.backoff-initial", ValueType.positiveDuration(), Duration.ofMillis(200),
            "First wait before a bulk that failed for a passing reason (no connection, 429, 5xx) is retried; "
                    + "it doubles on every retry.");
    public static final ConfigOption<Duration> BULK_BACKOFF_MAX = ConfigOption.of(
            "elasticsearch.bulk.backoff-max", ValueType.positiveDuration(), Duration.ofSeconds(30),
            "Longest wait between retries; retries go on until Elasticsearch answers (the job backpressures).");
    public static final ConfigOption<Long> DEADLETTER_MAX_CHARS = ConfigOption.of(
            "elasticsearch.deadletter.max-chars", ValueType.integer(1, 10_000_000), 32_768L,
            "Longest copy of a refused document kept in its dead letter (characters).");

    /** All Elasticsearch options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return List.of(HOSTS, CONNECT_TIMEOUT, INDEX_PREFIX, STREAMS, USERNAME, PASSWORD, API_KEY, BEARER_TOKEN,
                CA_CERTIFICATE_PATH, TRUSTSTORE_PATH, TRUSTSTORE_PASSWORD, VERIFY_HOSTNAME, SHARDS, REPLICAS, INSTALL_TEMPLATES, BULK_MAX_ACTIONS, BULK_MAX_BYTES, BULK_FLUSH_INTERVAL,
                BULK_BACKOFF_INITIAL, BULK_BACKOFF_MAX, DEADLETTER_MAX_CHARS);
    }
}
