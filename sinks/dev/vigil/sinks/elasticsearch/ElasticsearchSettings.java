package dev.vigil.sinks.elasticsearch;

import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where and how Vigil writes to Elasticsearch or OpenSearch: hosts, credentials (basic, API key or
 * bearer token), TLS trust (a PEM CA file or a trust store, and whether host names are verified),
 * index naming and template settings, bulk sizes and retry backoff. Built with {@link #builder()},
 * which checks the fields against each other. Secrets (password, API key, token, trust store
 * password) never appear in {@link #toString()}. Some 400 lines, most of them the builder's setters
 * and checks, kept beside the fields they set, as the Kafka connector keeps its builders.
 */
public final class ElasticsearchSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What secrets are shown as wherever settings are printed. */
    public static final String MASK = "******";

    private final List<String> hosts;
    private final String username;
    private final String password;
    private final String apiKey;
    private final String bearerToken;
    private final String caCertificatePath;
    private final String trustStorePath;
    private final String trustStorePassword;
    private final boolean verifyHostname;
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
        this.bearerToken = b.bearerToken;
        this.caCertificatePath = b.caCertificatePath;
        this.trustStorePath = b.trustStorePath;
        this.trustStorePassword = b.trustStorePassword;
        this.verifyHostname = b.verifyHostname;
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

    /** The longest a request may wait for its answer. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** The PEM file of trusted CA certificates, or null. */
    public String caCertificatePath() {
        return caCertificatePath;
    }

    /** The trust store of trusted CA certificates, or null. */
    public String trustStorePath() {
        return trustStorePath;
    }

    /** Whether the certificate of an https host must name the host (on unless turned off). */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /**
     * A new low-level REST client for these settings (version-agnostic: it speaks plain HTTP to
     * Elasticsearch 7.10+, 8, 9 and OpenSearch alike); the caller closes it.
     *
     * @throws IllegalStateException when the CA file or trust store cannot be read; the message
     *     starts with the key's short name ({@code ca-certificate-path: ...}) and never holds a secret
     */
    public RestClient createClient() {
        HttpHost[] httpHosts = hosts.stream().map(HttpHost::create).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(httpHosts)
                // The client's own meta header would claim an Elasticsearch client version to every server.
                .setMetaHeaderEnabled(false)
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()));
        if (apiKey != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        } else if (bearerToken != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Bearer " + bearerToken)});
        }
        SSLContext ssl = sslContext();
        builder.setHttpClientConfigCallback(http -> {
            if (username != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            if (!verifyHostname) {
                http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            return http;
        });
        return builder.build();
    }

    /** The TLS context trusting the configured CA file or trust store; null for the JVM's default trust. */
    private SSLContext sslContext() {
        if (caCertificatePath != null) {
            return trusting(caStore(), "ca-certificate-path", caCertificatePath);
        }
        if (trustStorePath != null) {
            return trusting(trustStore(), "truststore-path", trustStorePath);
        }
        return null;
    }

    /** The certificates of a PEM (or DER) file, one or several, as a trust store. */
    private KeyStore caStore() {
        try (InputStream in = Files.newInputStream(Path.of(caCertificatePath))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("ca-certificate-path: " + caCertificatePath
                        + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("ca-certificate-path: cannot read the CA certificate file "
                    + caCertificatePath + ": " + e.getMessage(), e);
        }
    }

    private KeyStore trustStore() {
        try (InputStream in = Files.newInputStream(Path.of(trustStorePath))) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, trustStorePassword == null ? null : trustStorePassword.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file, never the password.
            throw new IllegalStateException("truststore-path: cannot read the trust store " + trustStorePath + ": "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext trusting(KeyStore store, String key, String path) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(key + ": cannot trust the certificates of " + path + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "ElasticsearchSettings{hosts=" + hosts
                + ", username=" + username
                + ", password=" + mask(password)
                + ", apiKey=" + mask(apiKey)
                + ", bearerToken=" + mask(bearerToken)
                + ", caCertificatePath=" + caCertificatePath
                + ", trustStorePath=" + trustStorePath
                + ", trustStorePassword=" + mask(trustStorePassword)
                + ", verifyHostname=" + verifyHostname
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
        private String bearerToken;
        private String caCertificatePath;
        private String trustStorePath;
        private String trustStorePassword;
        private boolean verifyHostname = true;
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

        /** A bearer token (an Elasticsearch service account or OAuth token), sent as {@code Authorization: Bearer}. */
        public Builder bearerToken(String bearerToken) {
            this.bearerToken = bearerToken;
            return this;
        }

        /** A PEM file with the CA certificate(s) that signed the https hosts' certificates. */
        public Builder caCertificate(String path) {
            this.caCertificatePath = path;
            return this;
        }

        /** Whether an https host's certificate must name the host it is reached by (default true). */
        public Builder verifyHostname(boolean verifyHostname) {
            this.verifyHostname = verifyHostname;
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
         * that is not an http(s) URL, half of a credential, more than one kind of credential, a trust
         * store password without a trust store, both a CA file and a trust store, TLS trust for
         * plain-http hosts, an index prefix
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
            int credentials = (username != null || password != null ? 1 : 0) + (apiKey != null ? 1 : 0)
                    + (bearerToken != null ? 1 : 0);
            if (credentials > 1) {
                problems.add("give one kind of credentials: username/password, an API key or a bearer token");
            }
            if (trustStorePassword != null && trustStorePath == null) {
                problems.add("truststore-password: given without a truststore-path");
            }
            if (caCertificatePath != null && trustStorePath != null) {
                problems.add("give either ca-certificate-path or truststore-path, not both");
            }
            if (trustStorePath != null && hosts.stream().anyMatch(h -> h.startsWith("http://"))) {
                problems.add("truststore-path: TLS trust is set but some hosts use plain http://");
            }
            if (caCertificatePath != null && hosts.stream().anyMatch(h -> h.startsWith("http://"))) {
                problems.add("ca-certificate-path: TLS trust is set but some hosts use plain http://");
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
