package dev.vigil.sinks.elasticsearch;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.elasticsearch.client.RestHighLevelClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where and how Vigil writes to Elasticsearch: hosts, credentials, TLS trust, index naming and
 * template settings, bulk sizes and retry backoff. Built with {@link #builder()}, which checks the
 * fields against each other. Secrets (password, API key, trust store password) never appear in
 * {@link #toString()}. Some 360 lines, most of them the builder's setters and checks, kept beside the
 * fields they set, as the Kafka connector keeps its builders.
 */
public final class ElasticsearchSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What secrets are shown as wherever settings are printed. */
    public static final String MASK = "******";

    private final List<String> hosts;
    private final String username;
    private final String password;
    private final String apiKey;
    private final String trustStorePath;
    private final String trustStorePassword;
    private final String indexPrefix;
    private final int shards;
    private final int replicas;
    private final boolean installTemplates;
    private final int bulkMaxActions;
    private final long bulkMaxBytes;
    private final Duration flushInterval;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final int deadLetterMaxChars;

    private ElasticsearchSettings(Builder b) {
        this.hosts = List.copyOf(b.hosts);
        this.username = b.username;
        this.password = b.password;
        this.apiKey = b.apiKey;
        this.trustStorePath = b.trustStorePath;
        this.trustStorePassword = b.trustStorePassword;
        this.indexPrefix = b.indexPrefix;
        this.shards = b.shards;
        this.replicas = b.replicas;
        this.installTemplates = b.installTemplates;
        this.bulkMaxActions = b.bulkMaxActions;
        this.bulkMaxBytes = b.bulkMaxBytes;
        this.flushInterval = b.flushInterval;
        this.backoffInitial = b.backoffInitial;
        this.backoffMax = b.backoffMax;
        this.connectTimeout = b.connectTimeout;
        this.socketTimeout = b.socketTimeout;
        this.deadLetterMaxChars = b.deadLetterMaxChars;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> hosts() {
        return hosts;
    }

    public String indexPrefix() {
        return indexPrefix;
    }

    public int shards() {
        return shards;
    }

    public int replicas() {
        return replicas;
    }

    public boolean installTemplates() {
        return installTemplates;
    }

    /** A bulk request is sent once this many documents wait. */
    public int bulkMaxActions() {
        return bulkMaxActions;
    }

    /** A bulk request is sent once the waiting documents' sources reach this many bytes. */
    public long bulkMaxBytes() {
        return bulkMaxBytes;
    }

    /** Waiting documents are sent at least this often; zero sends only on size and at checkpoints. */
    public Duration flushInterval() {
        return flushInterval;
    }

    public Duration backoffInitial() {
        return backoffInitial;
    }

    public Duration backoffMax() {
        return backoffMax;
    }

    /** Longest copy of a refused document kept in its dead letter, in characters. */
    public int deadLetterMaxChars() {
        return deadLetterMaxChars;
    }

    /** A new client for these settings; the caller closes it. */
    public RestHighLevelClient createClient() {
        HttpHost[] httpHosts = hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(httpHosts)
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()));
        if (apiKey != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        }
        SSLContext ssl = trustStorePath == null ? null : sslContext();
        builder.setHttpClientConfigCallback(http -> {
            if (username != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return new RestHighLevelClient(builder);
    }

    private SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(Path.of(trustStorePath))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file, never the password.
            throw new IllegalStateException("cannot read the trust store " + trustStorePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchSettings{hosts=" + hosts
                + ", username=" + username
                + ", password=" + mask(password)
                + ", apiKey=" + mask(apiKey)
                + ", trustStorePath=" + trustStorePath
                + ", trustStorePassword=" + mask(trustStorePassword)
                + ", indexPrefix=" + indexPrefix
                + ", shards=" + shards
                + ", replicas=" + replicas
                + ", installTemplates=" + installTemplates
                + ", bulkMaxActions=" + bulkMaxActions
                + ", bulkMaxBytes=" + bulkMaxBytes
                + ", flushInterval=" + flushInterval
                + ", backoff=" + backoffInitial + ".." + backoffMax
                + ", deadLetterMaxChars=" + deadLetterMaxChars + "}";
    }

    private static String mask(String secret) {
        return secret == null ? null : MASK;
    }

    /** Collects settings; {@link #build()} checks them together. */
    public static final class Builder {
        private final List<String> hosts = new ArrayList<>();
        private String username;
        private String password;
        private String apiKey;
        private String trustStorePath;
        private String trustStorePassword;
        private String indexPrefix = "vigil";
        private int shards = 1;
        private int replicas = 1;
        private boolean installTemplates = true;
        private int bulkMaxActions = 1000;
        private long bulkMaxBytes = 5L * 1024 * 1024;
        private Duration flushInterval = Duration.ofSeconds(1);
        private Duration backoffInitial = Duration.ofMillis(200);
        private Duration backoffMax = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration socketTimeout = Duration.ofSeconds(60);
        private int deadLetterMaxChars = 32 * 1024;

        private Builder() {}

        /** A host URL such as {@code https://es1:9200}; repeat for several. */
        public Builder host(String url) {
            hosts.add(Objects.requireNonNull(url, "url").trim());
            return this;
        }

        public Builder hosts(List<String> urls) {
            urls.forEach(this::host);
            return this;
        }

        public Builder basicAuth(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** An API key as Elasticsearch returns it encoded ({@code base64(id:key)}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder trustStore(String path, String password) {
            this.trustStorePath = path;
            this.trustStorePassword = password;
            return this;
        }

        public Builder indexPrefix(String indexPrefix) {
            this.indexPrefix = indexPrefix;
            return this;
        }

        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder installTemplates(boolean installTemplates) {
            this.installTemplates = installTemplates;
            return this;
        }

        public Builder bulkMaxActions(int bulkMaxActions) {
            this.bulkMaxActions = bulkMaxActions;
            return this;
        }

        public Builder bulkMaxBytes(long bulkMaxBytes) {
            this.bulkMaxBytes = bulkMaxBytes;
            return this;
        }

        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.backoffInitial = initial;
            this.backoffMax = max;
            return this;
        }

        public Builder timeouts(Duration connect, Duration socket) {
            this.connectTimeout = connect;
            this.socketTimeout = socket;
            return this;
        }

        public Builder deadLetterMaxChars(int deadLetterMaxChars) {
            this.deadLetterMaxChars = deadLetterMaxChars;
            return this;
        }

        /**
         * The settings, or {@link IllegalArgumentException} listing every problem: no hosts, a host
         * that is not an http(s) URL, half of a credential, both basic auth and an API key, a trust
         * store password without a trust store, TLS trust for plain-http hosts, an index prefix
         * Elasticsearch would refuse, non-positive sizes or a backoff whose start exceeds its cap.
         */
        public ElasticsearchSettings build() {
            List<String> problems = new ArrayList<>();
            if (hosts.isEmpty()) {
                problems.add("hosts: at least one host is needed, e.g. http://localhost:9200");
            }
            for (String host : hosts) {
                if (!host.matches("https?://[^/\\s]+(:\\d+)?/?")) {
                    problems.add("hosts: '" + host + "' is not an http:// or https:// URL with host and port");
                }
            }
            if ((username == null) != (password == null)) {
                problems.add("username and password go together; give both or neither");
            }
            if (username != null && apiKey != null) {
                problems.add("give either username/password or an API key, not both");
            }
            if (trustStorePassword != null && trustStorePath == null) {
                problems.add("truststore-password: given without a truststore-path");
            }
            if (trustStorePath != null && hosts.stream().anyMatch(h -> h.startsWith("http://"))) {
                problems.add("truststore-path: TLS trust is set but some hosts use plain http://");
            }
            if (indexPrefix == null || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
                problems.add("index-prefix: '" + indexPrefix
                        + "' must be lower case letters, digits, '-', '_' or '.', starting with a letter or digit");
            }
            if (shards < 1) {
                problems.add("shards: must be at least 1");
            }
            if (replicas < 0) {
                problems.add("replicas: must not be negative");
            }
            if (bulkMaxActions < 1) {
                problems.add("bulk max actions: must be at least 1");
            }
            if (bulkMaxBytes < 1) {
                problems.add("bulk max bytes: must be at least 1");
            }
            if (flushInterval == null || flushInterval.isNegative()) {
                problems.add("flush interval: must be zero or positive");
            }
            if (backoffInitial == null || backoffMax == null || backoffInitial.isNegative() || backoffInitial.isZero()
                    || backoffMax.compareTo(backoffInitial) < 0) {
                problems.add("backoff: initial must be positive and not above max");
            }
            if (deadLetterMaxChars < 1) {
                problems.add("dead letter max chars: must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new ElasticsearchSettings(this);
        }
    }
}
