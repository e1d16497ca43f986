package dev.vigil.job.elasticsearch;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.TestCertificates;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Elasticsearch output over TLS, against a local HTTPS server whose CA and certificates are made
 * at test time: a PEM CA file or a trust store is trusted, another CA is refused naming the key to
 * set, a certificate for another host name is refused unless {@code verify-hostname} is off, and the
 * credentials (here a bearer token) travel over it. The server answers {@code GET /} as Elasticsearch
 * 8 does and takes index templates, which is all the check before the job and
 * {@code setup-elasticsearch} ask.
 */
class ElasticsearchTlsTest {

    private static final String ROOT = """
            {"name": "es01", "cluster_name": "docker-cluster", "cluster_uuid": "u",
             "version": {"number": "8.19.2", "build_flavor": "default", "lucene_version": "9.12.2",
                         "minimum_wire_compatibility_version": "7.17.0",
                         "minimum_index_compatibility_version": "7.0.0"},
             "tagline": "You Know, for Search"}""";

    @TempDir
    static Path certificates;
    private static Path ca;
    private static Path otherCa;
    private static Path caTrustStore;
    private static Path localhost;
    private static Path elsewhere;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpsServer server;
    /** Whether a request without credentials is answered 401 with a Basic challenge, as a secured node does. */
    private volatile boolean challenge;

    @BeforeAll
    static void makeCertificates() {
        TestCertificates made = new TestCertificates(certificates);
        ca = made.authority("vigil-test-ca");
        otherCa = made.authority("other-ca");
        caTrustStore = made.trustStore("ca-trust", "vigil-test-ca");
        localhost = made.server("localhost", "vigil-test-ca", "dns:localhost,ip:127.0.0.1");
        elsewhere = made.server("elsewhere", "vigil-test-ca", "dns:search.example.org");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServerSignedByTheCaInTheFileIsTrustedAndTheTokenReachesIt() {
        String url = serve(localhost);

        Optional<String> problem = ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host(url).caCertificate(ca.toString()).bearerToken("token-for-test").build(), Duration.ofSeconds(10));

        assertThat(problem).isEmpty();
        assertThat(authorizations).containsExactly("Bearer token-for-test");
    }

    @Test
    void aTrustStoreWithTheCaWorksAsTheFileDoes() {
        String url = serve(localhost);

        assertThat(ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host(url).trustStore(caTrustStore.toString(), TestCertificates.PASSWORD).build(),
                Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void aServerSignedByAnotherCaIsRefusedNamingTheKeyToSet() {
        String url = serve(localhost);

        Optional<String> fromFile = ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host(url).caCertificate(otherCa.toString()).build(), Duration.ofSeconds(10));
        Optional<String> fromTheJvm = ElasticsearchReachability.problem(ElasticsearchSettings.builder()
                .host(url).build(), Duration.ofSeconds(10));

        assertThat(fromFile).get().asString()
                .startsWith("elasticsearch.ca-certificate-path: the TLS certificate of " + url
                        + " is not signed by a CA trusted here (")
                .contains("give the CA that signed it in elasticsearch.ca-certificate-path (PEM) or "
                        + "elasticsearch.truststore-path")
                .doesNotContain("is it running");
        assertThat(fromTheJvm).get().asString().startsWith("elasticsearch.ca-certificate-path: the TLS certificate of");
        assertThat(requests).as("nothing was sent over an untrusted connection").isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedUnlessHostnameVerificationIsOff() {
        String url = serve(elsewhere);
        ElasticsearchSettings.Builder settings = ElasticsearchSettings.builder().host(url)
                .caCertificate(ca.toString()).basicAuth("vigil", "secret-pass");
        challenge = true;

        Optional<String> verified = ElasticsearchReachability.problem(settings.build(), Duration.ofSeconds(10));
        assertThat(verified).get().asString()
                .startsWith("elasticsearch.hosts: the TLS certificate of " + url + " does not name the host it was "
                        + "reached by (")
                .endsWith("connect by a name the certificate holds, or set elasticsearch.verify-hostname: false")
                .doesNotContain("secret-pass");
        assertThat(authorizations).as("the password never went to the wrong host").isEmpty();

        assertThat(ElasticsearchReachability.problem(settings.verifyHostname(false).build(), Duration.ofSeconds(10)))
                .isEmpty();
        assertThat(authorizations).hasSize(1).allMatch(header -> header.startsWith("Basic "));
    }

    @Test
    void setupInstallsTheTemplatesOverTls() {
        String url = "https://localhost:" + serve(localhost).replaceAll(".*:", "");

        int exit = VigilCli.execute("setup-elasticsearch", "--config", "conf/elasticsearch.yaml",
                "--set", "elasticsearch.hosts=" + url, "--set", "elasticsearch.ca-certificate-path=" + ca,
                "--set", "elasticsearch.api-key=a2V5LWZvci10ZXN0");

        assertThat(exit).as(console.stderr()).isZero();
        assertThat(console.stdout()).contains("Elasticsearch 8.19.2 at " + url);
        assertThat(requests).contains("GET /", "PUT /_index_template/vigil-detections",
                "PUT /_index_template/vigil-deadletter");
        assertThat(authorizations).allMatch("ApiKey a2V5LWZvci10ZXN0"::equals);
    }

    /** Starts the HTTPS server with {@code keyStore}'s certificate; its URL by IP address. */
    private String serve(Path keyStore) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(keyStore)));
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getRequestBody().readAllBytes();
            if (authorization == null && challenge) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\" charset=\"UTF-8\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            byte[] body = (exchange.getRequestURI().getPath().equals("/") ? ROOT : "{\"acknowledged\": true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }
}
