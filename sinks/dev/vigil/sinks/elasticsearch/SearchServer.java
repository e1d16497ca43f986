package dev.vigil.sinks.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What answered {@code GET /}: Elasticsearch or OpenSearch, and which version. Elasticsearch names
 * itself by {@code version.number} (and from 7.14 on by the {@code X-Elastic-Product: Elasticsearch}
 * header), OpenSearch by {@code version.distribution: "opensearch"}.
 *
 * <p>The sink speaks only what every supported server understands alike (typeless bulk NDJSON,
 * composable index templates, {@code _id}s chosen by the client), so the version decides nothing but
 * whether the server is supported: Elasticsearch 7.10 or later (7.10 is the last release under the
 * Apache licence, and the oldest with everything the sink uses), OpenSearch 2 or later.
 *
 * @param product the server's product
 * @param version the version as the server gives it ({@code 8.19.2}, {@code 2.19.1})
 * @param major leading number of the version
 * @param minor second number of the version
 * @param productHeader whether the answer carried {@code X-Elastic-Product: Elasticsearch}
 */
public record SearchServer(Product product, String version, int major, int minor, boolean productHeader) {

    /** The kinds of server the sink knows. */
    public enum Product {
        ELASTICSEARCH("Elasticsearch"),
        OPENSEARCH("OpenSearch");

        private final String displayName;

        Product(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** The newest major versions Vigil was tested with; newer ones are used with a warning. */
    static final int NEWEST_ELASTICSEARCH_MAJOR = 9;
    static final int NEWEST_OPENSEARCH_MAJOR = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    /**
     * Asks {@code GET /} of whichever host the client picks (a dead one is skipped) and reads the answer.
     *
     * @throws org.elasticsearch.client.ResponseException when a host answered with an error status
     *     (401 and 403: the credentials were refused)
     * @throws IOException when no host answered (connection refused, TLS handshake refused, ...) or
     *     what answered is neither Elasticsearch nor OpenSearch
     * @throws TimeoutException when no answer came within {@code timeout}
     */
    public static SearchServer ask(RestClient client, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        client.performRequestAsync(new Request("GET", "/"), new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception exception) {
                answer.completeExceptionally(exception);
            }
        });
        Response response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
        String product = response.getHeader("X-Elastic-Product");
        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
        return parse(body, product);
    }

    /**
     * Reads the answer of {@code GET /}.
     *
     * @param body the JSON body
     * @param productHeader the value of the {@code X-Elastic-Product} header, or null
     * @throws IOException when the body is not JSON or names no version, so that whatever answered is
     *     neither Elasticsearch nor OpenSearch
     */
    public static SearchServer parse(String body, String productHeader) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IOException("the answer to GET / is not JSON, so this is neither Elasticsearch nor OpenSearch: "
                    + preview(body), e);
        }
        JsonNode version = root == null ? null : root.path("version");
        String number = version == null ? "" : version.path("number").asText("");
        Matcher matcher = VERSION.matcher(number);
        if (!matcher.lookingAt()) {
            throw new IOException("the answer to GET / names no version.number, so this is neither Elasticsearch nor "
                    + "OpenSearch: " + preview(body));
        }
        Product product = "opensearch".equalsIgnoreCase(version.path("distribution").asText(""))
                ? Product.OPENSEARCH : Product.ELASTICSEARCH;
        return new SearchServer(product, number, Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), "Elasticsearch".equals(productHeader));
    }

    /** Why the sink does not write to this server, or empty when it does. */
    public Optional<String> unsupported() {
        if (product == Product.ELASTICSEARCH && (major < 7 || major == 7 && minor < 10)) {
            return Optional.of("Vigil needs Elasticsearch 7.10 or later (composable index templates, typeless bulk "
                    + "requests) or OpenSearch 2 or later");
        }
        if (product == Product.OPENSEARCH && major < 2) {
            return Optional.of("Vigil needs OpenSearch 2 or later, or Elasticsearch 7.10 or later");
        }
        return Optional.empty();
    }

    /**
     * Something to warn about a supported server, or empty: a major version newer than those tested,
     * or an Elasticsearch of 7.14 or later that does not say it is one (a proxy that drops headers,
     * or another product imitating Elasticsearch's answer).
     */
    public Optional<String> caveat() {
        int newest = product == Product.ELASTICSEARCH ? NEWEST_ELASTICSEARCH_MAJOR : NEWEST_OPENSEARCH_MAJOR;
        if (major > newest) {
            return Optional.of(this + " is newer than the newest major version Vigil was tested with ("
                    + product.displayName() + " " + newest + ".x)");
        }
        if (product == Product.ELASTICSEARCH && (major > 7 || minor >= 14) && !productHeader) {
            return Optional.of(this + " sent no 'X-Elastic-Product: Elasticsearch' header, which Elasticsearch sends "
                    + "from 7.14 on (a proxy that drops it, or another product answering like Elasticsearch)");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return product.displayName() + " " + version;
    }

    private static String preview(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
