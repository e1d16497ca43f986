package dev.vigil.sinks.elasticsearch;

import dev.vigil.sinks.WriterContextSink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Indexes records into Elasticsearch (7.10 and later, 8, 9) or OpenSearch (2 and later) with
 * deterministic document ids (Sink V2), over the version-agnostic low-level REST client.
 *
 * <p><b>Delivery: at-least-once sends, exactly one document per record.</b> Every checkpoint waits
 * until all documents received before it are acknowledged by the server, so a completed checkpoint
 * never leaves documents behind. After a failure the job replays from the last checkpoint and sends
 * some documents again; as each record always maps to the same index and {@code _id} (see
 * {@link VigilDocuments}), a document sent twice overwrites itself, and the index holds exactly one
 * document per record. (A record only in a replay, never in the first run, is new as it should be; a
 * record whose content differs on replay replaces the earlier version.)
 *
 * <p><b>Outages.</b> Failures that heal by themselves (no connection, 429, 5xx; see
 * {@link BulkFailures}) are retried with exponential backoff for as long as they last, on the task
 * thread: the sink stops taking records, the job backpressures up to its sources, and nothing is
 * dropped. Checkpoints cannot complete during an outage (they wait for the flush).
 *
 * <p><b>Bad documents.</b> A document the server refuses for good (mapping conflict, too large)
 * does not fail the job: a sink has no side output, so it goes to the {@code <prefix>-deadletter}
 * index in the same cluster, where whoever watches the results already looks, with the reason,
 * status, target index and id and a non-indexed, length-capped copy of the document; the
 * {@code deadLetters} metric counts them and each is logged at WARN. (Flink's own Elasticsearch
 * connector fails the job on any refused item, and the restart meets the same document again,
 * forever.)
 */
public final class ElasticsearchIndexSink<T> implements WriterContextSink<T> {

    private static final long serialVersionUID = 2L;

    private final ElasticsearchSettings settings;
    private final IndexFamily family;
    private final DocumentBuilder<? super T> builder;

    private ElasticsearchIndexSink(ElasticsearchSettings settings, IndexFamily family,
            DocumentBuilder<? super T> builder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.family = Objects.requireNonNull(family, "family");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** A sink writing the documents {@code builder} makes into indices of {@code family}. */
    public static <T> ElasticsearchIndexSink<T> of(ElasticsearchSettings settings, IndexFamily family,
            DocumentBuilder<? super T> builder) {
        return new ElasticsearchIndexSink<>(settings, family, builder);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ElasticsearchIndexWriter<>(settings, templates(), builder, context.getProcessingTimeService(),
                context.metricGroup());
    }

    private Set<IndexFamily> templates() {
        return EnumSet.of(family, IndexFamily.DEADLETTER);
    }
}
