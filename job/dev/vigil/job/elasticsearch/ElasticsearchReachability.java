package dev.vigil.job.elasticsearch;

import dev.vigil.job.config.ElasticsearchOptions;
import dev.vigil.job.config.ValueType;
import dev.vigil.sinks.elasticsearch.ElasticsearchSettings;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestHighLevelClient;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether Elasticsearch answers, asked once before the job starts. The sink waits out an unreachable
 * cluster for as long as it lasts (that is its delivery guarantee), so a wrong address would otherwise look
 * like a job that starts and then stands still.
 *
 * <p>The question is {@code GET /} with the sink's own client (hosts, credentials, TLS trust): any node that
 * answers will do, as the sink skips dead ones. A refusal of the credentials counts as a problem too, since
 * the sink's first write would meet it.
 */
public final class ElasticsearchReachability {

    private ElasticsearchReachability() {}

    /** The problem, as one "key: message" line, when no node of {@code settings} answers within {@code timeout}. */
    public static Optional<String> problem(ElasticsearchSettings settings, Duration timeout) {
        String hosts = String.join(", ", settings.hosts());
        RestHighLevelClient client;
        try {
            client = settings.createClient();
        } catch (IllegalStateException e) {
            return Optional.of(ElasticsearchOptions.TRUSTSTORE_PATH.key() + ": " + e.getMessage());
        }
        try (client) {
            CompletableFuture<Response> answer = new CompletableFuture<>();
            client.getLowLevelClient().performRequestAsync(new Request("GET", "/"), new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    answer.complete(response);
                }

                @Override
                public void onFailure(Exception exception) {
                    answer.completeExceptionally(exception);
                }
            });
            answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(noAnswer(hosts, timeout, null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseException refused) {
                int status = refused.getResponse().getStatusLine().getStatusCode();
                if (status == 401 || status == 403) {
                    return Optional.of("elasticsearch: " + refused.getResponse().getHost().toURI()
                            + " refused the credentials (HTTP " + status + "; see elasticsearch.username and "
                            + "elasticsearch.password, or elasticsearch.api-key)");
                }
                // Any other answer, even an error, shows that a node is there.
                return Optional.empty();
            }
            return Optional.of(noAnswer(hosts, timeout, e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(ElasticsearchOptions.HOSTS.key() + ": interrupted while waiting for " + hosts);
        } catch (IOException closing) {
            // The answer is in; a client that does not close cleanly changes nothing about it.
            return Optional.empty();
        }
    }

    private static String noAnswer(String hosts, Duration timeout, Throwable reason) {
        String why = reason == null ? "" : (reason.getMessage() != null ? reason.getMessage()
                : reason.getClass().getSimpleName()) + "; ";
        return ElasticsearchOptions.HOSTS.key() + ": no Elasticsearch node answered at " + hosts + " within "
                + ValueType.text(timeout) + " (" + why + "is it running and reachable from here?)";
    }
}
