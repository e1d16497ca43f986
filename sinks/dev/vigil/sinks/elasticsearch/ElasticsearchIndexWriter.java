package dev.vigil.sinks.elasticsearch;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The writer of {@link ElasticsearchIndexSink}: collects the documents of its records and sends them
 * in bulk, retrying what failed for a passing reason and turning what the server refused for good
 * into dead letters. Every call runs on the task's thread, so a bulk that waits for the server holds
 * the task, and the job slows to what the server takes (backpressure).
 *
 * <p>Before its first bulk the writer asks the server what it is ({@code GET /}, see
 * {@link SearchServer}), logs it, and fails on a server it does not support; then it puts the index
 * templates. Both wait out an unreachable server like a bulk does.
 *
 * <p>Metrics (in the sink's operator group): see {@link ElasticsearchSinkMetrics}.
 */
final class ElasticsearchIndexWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchIndexWriter.class);
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");
    /** Bytes of a bulk action line beside the index name and id. */
    private static final int ACTION_BYTES = 32;

    private final ElasticsearchSettings settings;
    private final Set<IndexFamily> families;
    private final DocumentBuilder<? super T> builder;
    private final ProcessingTimeService time;
    private final RestClient client;
    private final Counter indexed;
    private final Counter deadLetters;
    private final Counter deadLettersLost;
    private final Counter retries;
    private List<Document> pending = new ArrayList<>();
    private volatile int pendingCount;
    private long pendingBytes;
    private boolean serverChecked;
    private boolean templatesInstalled;

    /** What to do with a document the server refused for good. */
    private interface Refusal {
        void handle(Document document, int status, String errorType, String reason);
    }

    ElasticsearchIndexWriter(ElasticsearchSettings settings, Set<IndexFamily> families,
            DocumentBuilder<? super T> builder, ProcessingTimeService time, SinkWriterMetricGroup metrics) {
        this.settings = settings;
        this.families = families;
        this.builder = builder;
        this.time = time;
        this.indexed = metrics.getNumRecordsSendCounter();
        this.deadLetters = metrics.counter(ElasticsearchSinkMetrics.DEAD_LETTERS);
        this.deadLettersLost = metrics.counter(ElasticsearchSinkMetrics.DEAD_LETTERS_LOST);
        this.retries = metrics.counter(ElasticsearchSinkMetrics.BULK_RETRIES);
        metrics.gauge(ElasticsearchSinkMetrics.PENDING_DOCUMENTS, () -> pendingCount);
        this.client = settings.createClient();
        if (!settings.flushInterval().isZero()) {
            scheduleFlush();
        }
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        Document document = builder.build(element);
        pending.add(document);
        pendingBytes += document.json().length() + document.index().length() + document.id().length() + ACTION_BYTES;
        pendingCount = pending.size();
        if (pending.size() >= settings.bulkMaxActions() || pendingBytes >= settings.bulkMaxBytes()) {
            sendPending();
        }
    }

    /** Called before every checkpoint and at the end of input: returns only once everything is in the index. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        sendPending();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), now -> {
            sendPending();
            scheduleFlush();
        });
    }

    private void sendPending() throws IOException, InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        List<Document> batch = pending;
        pending = new ArrayList<>();
        pendingBytes = 0;
        checkServerOnce();
        installTemplatesOnce();
        List<Document> letters = new ArrayList<>();
        send(batch, (document, status, type, reason) -> {
            LOG.warn("Elasticsearch at {} refused document {} in {} for good ({} {}: {}); it goes to the dead-letter "
                    + "index", hosts(),
                    document.id(), document.index(), status, type, reason);
            deadLetters.inc();
            letters.add(DeadLetters.letter(settings.indexPrefix(), document, status, type, reason,
                    settings.deadLetterMaxChars(), System.currentTimeMillis()));
        });
        send(letters, (document, status, type, reason) -> {
            deadLettersLost.inc();
            LOG.error("Elasticsearch at {} refused dead letter {} in {} ({} {}: {}); the document is only in this log",
                    hosts(),
                    document.id(), document.index(), status, type, reason);
        });
        pendingCount = pending.size();
    }

    /** Sends {@code batch} until every document is indexed or refused for good; waits out transient failures. */
    private void send(List<Document> batch, Refusal refusal) throws InterruptedException {
        Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        while (!batch.isEmpty()) {
            List<Document> retry = new ArrayList<>();
            String problem = null;
            try {
                List<BulkProtocol.Item> items = bulk(batch);
                for (int i = 0; i < items.size(); i++) {
                    BulkProtocol.Item item = items.get(i);
                    if (!item.failed()) {
                        indexed.inc();
                    } else if (BulkFailures.classify(item.status(), item.errorType()) == BulkFailures.Kind.PERMANENT) {
                        refusal.handle(batch.get(i), item.status(), item.errorType(), item.reason());
                    } else {
                        retry.add(batch.get(i));
                        problem = item.status() + " " + item.errorType() + ": " + item.reason();
                    }
                }
            } catch (ResponseException e) {
                // The whole request was answered with an error status.
                BulkProtocol.Item error = requestError(e);
                if (BulkFailures.classify(error.status(), error.errorType()) == BulkFailures.Kind.PERMANENT) {
                    refuseWholeRequest(batch, error, refusal);
                    return;
                }
                retry = batch;
                problem = error.status() + " " + error.errorType() + ": " + error.reason();
            } catch (IOException e) {
                retry = batch;
                problem = e.toString();
            }
            batch = retry;
            if (!batch.isEmpty()) {
                retries.inc();
                LOG.warn("{} documents not indexed yet in Elasticsearch at {} ({}); retrying in {} ms", batch.size(),
                        hosts(), problem, backoff.nextMillis());
                backoff.pause();
            }
        }
    }

    /** One {@code _bulk} request; the items of its answer, in the order of {@code batch}. */
    private List<BulkProtocol.Item> bulk(List<Document> batch) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", BulkProtocol.FILTER_PATH);
        request.setEntity(new ByteArrayEntity(BulkProtocol.body(batch), NDJSON));
        Response response = client.performRequest(request);
        try (InputStream answer = response.getEntity().getContent()) {
            return BulkProtocol.items(answer, batch.size());
        }
    }

    /**
     * A request refused as a whole (a bulk over the size limit, say): one document alone is refused
     * for good; several are sent one by one, so that only the culprits become dead letters.
     */
    private void refuseWholeRequest(List<Document> batch, BulkProtocol.Item error, Refusal refusal)
            throws InterruptedException {
        if (batch.size() == 1) {
            String type = error.errorType() == null ? "http_" + error.status() : error.errorType();
            refusal.handle(batch.get(0), error.status(), type, error.reason());
            return;
        }
        for (Document document : batch) {
            send(List.of(document), refusal);
        }
    }

    /**
     * Asks the server what it is before the first write and logs it; fails on one the sink does not
     * support (the check before the job starts normally stops such a job earlier). Waits out a server
     * that does not answer.
     */
    private void checkServerOnce() throws IOException, InterruptedException {
        if (serverChecked) {
            return;
        }
        Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        while (true) {
            String problem;
            try {
                SearchServer server = SearchServer.ask(client, settings.socketTimeout());
                Optional<String> unsupported = server.unsupported();
                if (unsupported.isPresent()) {
                    throw new IOException("elasticsearch.hosts: " + hosts() + " is " + server + "; "
                            + unsupported.get());
                }
                server.caveat().ifPresent(caveat -> LOG.warn("{} at {}; going on", caveat, hosts()));
                LOG.info("Elasticsearch output: {} at {}", server, hosts());
                serverChecked = true;
                return;
            } catch (ResponseException e) {
                BulkProtocol.Item error = requestError(e);
                if (BulkFailures.classify(error.status(), error.errorType()) == BulkFailures.Kind.PERMANENT) {
                    throw new IOException(hosts() + " refused GET / (" + error.status() + " " + error.errorType()
                            + ": " + error.reason() + ")", e);
                }
                problem = error.status() + " " + error.errorType() + ": " + error.reason();
            } catch (TimeoutException e) {
                problem = "no answer within " + settings.socketTimeout().toMillis() + " ms";
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("neither Elasticsearch nor OpenSearch")) {
                    throw new IOException("elasticsearch.hosts: " + hosts() + ": " + e.getMessage(), e);
                }
                problem = e.toString();
            }
            retries.inc();
            LOG.warn("Cannot ask Elasticsearch at {} what it is yet ({}); retrying in {} ms", hosts(), problem,
                    backoff.nextMillis());
            backoff.pause();
        }
    }

    /** Puts the index templates before the first document goes out, waiting out an unreachable cluster. */
    private void installTemplatesOnce() throws IOException, InterruptedException {
        if (templatesInstalled || !settings.installTemplates()) {
            return;
        }
        Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        while (true) {
            try {
                IndexTemplates.install(client, settings, families);
                templatesInstalled = true;
                return;
            } catch (ResponseException e) {
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (BulkFailures.classify(status, null) == BulkFailures.Kind.PERMANENT) {
                    throw new IOException("Elasticsearch at " + hosts() + " refused Vigil's index templates: "
                            + e.getMessage(), e);
                }
                LOG.warn("Cannot install index templates in Elasticsearch at {} yet ({}); retrying in {} ms", hosts(),
                        status, backoff.nextMillis());
            } catch (IOException e) {
                LOG.warn("Cannot install index templates in Elasticsearch at {} yet ({}); retrying in {} ms", hosts(), e,
                        backoff.nextMillis());
            }
            retries.inc();
            backoff.pause();
        }
    }

    private static BulkProtocol.Item requestError(ResponseException e) {
        Response response = e.getResponse();
        String body;
        try {
            body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
        } catch (IOException unreadable) {
            body = "";
        }
        return BulkProtocol.requestError(response.getStatusLine().getStatusCode(), body);
    }

    /** The configured hosts, for messages: a retry names where it waits, since several clusters may be in use. */
    private String hosts() {
        return String.join(", ", settings.hosts());
    }
}
