package dev.vigil.job.elasticsearch;

import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.ValueType;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;
import dev.vigil.sinks.elasticsearch.SearchServer;

import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Whether Elasticsearch or OpenSearch answers, and is a server the sink supports, asked once before the
 * job starts. The sink waits out an unreachable cluster for as long as it lasts (that is its delivery
 * guarantee), so a wrong address would otherwise look like a job that starts and then stands still.
 *
 * <p>The question is {@code GET /} with the sink's own client (hosts, credentials, TLS trust), the same
 * probe the sink's writers ask before their first write ({@link SearchServer#ask}): any node that
 * answers will do, as the sink skips dead ones. A refusal of the credentials or of the TLS handshake
 * counts as a problem too, since the sink's first write would meet it, and so does a server the sink
 * does not support (Elasticsearch before 7.10, OpenSearch before 2, anything else).
 */
public final class ElasticsearchReachability {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchReachability.class);

    private ElasticsearchReachability() {}

    /** The problem, as one "key: message" line, when no supported node of {@code settings} answers within {@code timeout}. */
    public static Optional<String> problem(ElasticsearchSettings settings, Duration timeout) {
        String hosts = String.join(", ", settings.hosts());
        RestClient client;
        try {
            client = settings.createClient();
        } catch (IllegalStateException e) {
            // The message starts with the key's short name: ca-certificate-path or truststore-path.
            return Optional.of("elasticsearch." + e.getMessage());
        }
        try (client) {
            SearchServer server = SearchServer.ask(client, timeout);
            Optional<String> unsupported = server.unsupported();
            if (unsupported.isPresent()) {
                return Optional.of(ElasticsearchOptions.HOSTS.key() + ": " + hosts + " is " + server + "; "
                        + unsupported.get());
            }
            server.caveat().ifPresent(caveat -> LOG.warn("{} at {}; going on", caveat, hosts));
            LOG.info("Elasticsearch output: {} at {}", server, hosts);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(noAnswer(hosts, timeout, null));
        } catch (ResponseException refused) {
            int status = refused.getResponse().getStatusLine().getStatusCode();
            String host = refused.getResponse().getHost().toURI();
            if (status == 401 || status == 403) {
                return Optional.of("elasticsearch: " + host + " refused the credentials (HTTP " + status
                        + "; see elasticsearch.username and elasticsearch.password, elasticsearch.api-key or "
                        + "elasticsearch.bearer-token)");
            }
            // Any other answer, even an error, shows that a node is there; the sink waits out a 5xx.
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(tlsProblem(settings, hosts, e).orElseGet(() -> notSearchServer(hosts, e)
                    .orElseGet(() -> noAnswer(hosts, timeout, e))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(ElasticsearchOptions.HOSTS.key() + ": interrupted while waiting for " + hosts);
        }
    }

    /** A handshake refused for the certificate: untrusted, or not naming the host. */
    private static Optional<String> tlsProblem(ElasticsearchSettings settings, String hosts, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLPeerUnverifiedException) {
                return Optional.of(ElasticsearchOptions.HOSTS.key() + ": the TLS certificate of " + hosts
                        + " does not name the host it was reached by (" + cause.getMessage() + "); connect by a "
                        + "name the certificate holds, or set " + ElasticsearchOptions.VERIFY_HOSTNAME.key()
                        + ": false");
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertificateException
                    || cause instanceof SSLHandshakeException && String.valueOf(cause.getMessage()).contains("PKIX")) {
                String key = settings.trustStorePath() != null ? ElasticsearchOptions.TRUSTSTORE_PATH.key()
                        : ElasticsearchOptions.CA_CERTIFICATE_PATH.key();
                return Optional.of(key + ": the TLS certificate of " + hosts + " is not signed by a CA trusted here ("
                        + rootMessage(failure) + "); give the CA that signed it in "
                        + ElasticsearchOptions.CA_CERTIFICATE_PATH.key() + " (PEM) or "
                        + ElasticsearchOptions.TRUSTSTORE_PATH.key());
            }
        }
        return Optional.empty();
    }

    /** Something answered GET /, but not as Elasticsearch or OpenSearch do. */
    private static Optional<String> notSearchServer(String hosts, IOException failure) {
        String message = String.valueOf(failure.getMessage());
        return message.contains("neither Elasticsearch nor OpenSearch")
                ? Optional.of(ElasticsearchOptions.HOSTS.key() + ": " + hosts + " answered, but " + message)
                : Optional.empty();
    }

    private static String noAnswer(String hosts, Duration timeout, Throwable reason) {
        String why = reason == null ? "" : (reason.getMessage() != null ? reason.getMessage()
                : reason.getClass().getSimpleName()) + "; ";
        return ElasticsearchOptions.HOSTS.key() + ": no Elasticsearch node answered at " + hosts + " within "
                + ValueType.text(timeout) + " (" + why + "is it running and reachable from here?)";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
