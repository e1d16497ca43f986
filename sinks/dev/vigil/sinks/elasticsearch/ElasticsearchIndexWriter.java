package dev.vigil.sinks.elasticsearch;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.elasticsearch.sink.ElasticsearchEmitter;
import org.apache.flink.connector.elasticsearch.sink.RequestIndexer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.elasticsearch.ElasticsearchException;
import org.elasticsearch.action.DocWriteRequest;
import org.elasticsearch.action.bulk.BulkItemResponse;
import org.elasticsearch.action.bulk.BulkRequest;
import org.elasticsearch.action.bulk.BulkResponse;
import org.elasticsearch.action.delete.DeleteRequest;
import org.elasticsearch.action.index.IndexRequest;
import org.elasticsearch.action.update.UpdateRequest;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestHighLevelClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The writer of {@link ElasticsearchIndexSink}: collects the emitter's requests and sends them in
 * bulk, retrying what failed for a passing reason and turning what Elasticsearch refused for good
 * into dead letters. Every call runs on the task's thread, so a bulk that waits for Elasticsearch
 * holds the task, and the job slows to what Elasticsearch takes (backpressure).
 *
 * <p>Metrics (in the sink's operator group): see {@link ElasticsearchSinkMetrics}.
 */
final class ElasticsearchIndexWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchIndexWriter.class);

    private final ElasticsearchSettings settings;
    private final Set<IndexFamily> families;
    private final ElasticsearchEmitter<? super T> emitter;
    private final ProcessingTimeService time;
    private final RestHighLevelClient client;
    private final RequestIndexer indexer = new PendingRequests();
    private final Counter indexed;
    private final Counter deadLetters;
    private final Counter deadLettersLost;
    private final Counter retries;
    private List<DocWriteRequest<?>> pending = new ArrayList<>();
    private volatile int pendingCount;
    private long pendingBytes;
    private boolean templatesInstalled;

    /** What to do with a document Elasticsearch refused for good. */
    private interface Refusal {
        void handle(DocWriteRequest<?> request, int status, String errorType, String reason);
    }

    ElasticsearchIndexWriter(ElasticsearchSettings settings, Set<IndexFamily> families,
            ElasticsearchEmitter<? super T> emitter, ProcessingTimeService time, SinkWriterMetricGroup metrics)
            throws IOException {
        this.settings = settings;
        this.families = families;
        this.emitter = emitter;
        this.time = time;
        this.indexed = metrics.getNumRecordsSendCounter();
        this.deadLetters = metrics.counter(ElasticsearchSinkMetrics.DEAD_LETTERS);
        this.deadLettersLost = metrics.counter(ElasticsearchSinkMetrics.DEAD_LETTERS_LOST);
        this.retries = metrics.counter(ElasticsearchSinkMetrics.BULK_RETRIES);
        metrics.gauge(ElasticsearchSinkMetrics.PENDING_DOCUMENTS, () -> pendingCount);
        this.client = settings.createClient();
        try {
            emitter.open();
        } catch (Exception e) {
            throw new IOException("cannot open the Elasticsearch emitter", e);
        }
        if (!settings.flushInterval().isZero()) {
            scheduleFlush();
        }
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        emitter.emit(element, context, indexer);
        if (pending.size() >= settings.bulkMaxActions() || pendingBytes >= settings.bulkMaxBytes()) {
            sendPending();
        }
    }

    /** Called before every checkpoint and at the end of input: returns only once everything is in Elasticsearch. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        sendPending();
    }

    @Override
    public void close() throws Exception {
        try {
            emitter.close();
        } finally {
            client.close();
        }
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
        List<DocWriteRequest<?>> batch = pending;
        pending = new ArrayList<>();
        pendingBytes = 0;
        installTemplatesOnce();
        List<DocWriteRequest<?>> letters = new ArrayList<>();
        send(batch, (request, status, type, reason) -> {
            LOG.warn("Elasticsearch refused document {} in {} for good ({} {}: {}); it goes to the dead-letter index",
                    request.id(), request.index(), status, type, reason);
            deadLetters.inc();
            letters.add(DeadLetters.letter(settings.indexPrefix(), request, status, type, reason,
                    settings.deadLetterMaxChars(), System.currentTimeMillis()));
        });
        send(letters, (request, status, type, reason) -> {
            deadLettersLost.inc();
            LOG.error("Elasticsearch refused dead letter {} in {} ({} {}: {}); the document is only in this log",
                    request.id(), request.index(), status, type, reason);
        });
        pendingCount = pending.size();
    }

    /** Sends {@code batch} until every document is indexed or refused for good; waits out transient failures. */
    private void send(List<DocWriteRequest<?>> batch, Refusal refusal) throws InterruptedException {
        Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        while (!batch.isEmpty()) {
            List<DocWriteRequest<?>> retry = new ArrayList<>();
            String problem;
            try {
                BulkRequest bulk = new BulkRequest();
                batch.forEach(bulk::add);
                BulkResponse response = client.bulk(bulk, RequestOptions.DEFAULT);
                BulkItemResponse[] items = response.getItems();
                problem = null;
                for (int i = 0; i < items.length; i++) {
                    BulkItemResponse item = items[i];
                    if (!item.isFailed()) {
                        indexed.inc();
                        continue;
                    }
                    BulkItemResponse.Failure failure = item.getFailure();
                    int status = failure.getStatus().getStatus();
                    String type = BulkFailures.errorType(failure.getCause());
                    if (BulkFailures.classify(status, type) == BulkFailures.Kind.PERMANENT) {
                        refusal.handle(batch.get(i), status, type, failure.getMessage());
                    } else {
                        retry.add(batch.get(i));
                        problem = status + " " + type + ": " + failure.getMessage();
                    }
                }
            } catch (ElasticsearchException e) {
                // The whole request was answered with an error status.
                int status = e.status().getStatus();
                if (BulkFailures.classify(status, null) == BulkFailures.Kind.PERMANENT) {
                    refuseWholeRequest(batch, status, e.getDetailedMessage(), refusal);
                    return;
                }
                retry = batch;
                problem = status + ": " + e.getDetailedMessage();
            } catch (IOException e) {
                int status = e instanceof ResponseException r ? r.getResponse().getStatusLine().getStatusCode()
                        : BulkFailures.NO_RESPONSE;
                if (BulkFailures.classify(status, null) == BulkFailures.Kind.PERMANENT) {
                    refuseWholeRequest(batch, status, e.getMessage(), refusal);
                    return;
                }
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

    /**
     * A request refused as a whole (a bulk over the size limit, say): one document alone is refused
     * for good; several are sent one by one, so that only the culprits become dead letters.
     */
    private void refuseWholeRequest(List<DocWriteRequest<?>> batch, int status, String reason, Refusal refusal)
            throws InterruptedException {
        if (batch.size() == 1) {
            refusal.handle(batch.get(0), status, "http_" + status, reason);
            return;
        }
        for (DocWriteRequest<?> request : batch) {
            send(List.of(request), refusal);
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
                IndexTemplates.install(client.getLowLevelClient(), settings, families);
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

    /** The configured hosts, for messages: a retry names where it waits, since several clusters may be in use. */
    private String hosts() {
        return String.join(", ", settings.hosts());
    }

    /** Collects the emitter's requests for the next bulk. */
    private final class PendingRequests implements RequestIndexer {

        @Override
        public void add(DeleteRequest... requests) {
            for (DeleteRequest request : requests) {
                queue(request, 0);
            }
        }

        @Override
        public void add(IndexRequest... requests) {
            for (IndexRequest request : requests) {
                queue(request, request.source() == null ? 0 : request.source().length());
            }
        }

        @Override
        public void add(UpdateRequest... requests) {
            for (UpdateRequest request : requests) {
                queue(request, request.doc() == null ? 0 : request.doc().source().length());
            }
        }

        private void queue(DocWriteRequest<?> request, long bytes) {
            pending.add(request);
            pendingBytes += bytes;
            pendingCount = pending.size();
        }
    }
}
