package dev.vigil.sinks.elasticsearch;

/**
 * Decides whether a document Elasticsearch did not take should be sent again or given up on.
 *
 * <p>Transient: no answer at all (connection refused or lost, timeout), 429 (queues full, a
 * read-only block after a full disk), every 5xx (node restarting, shard unavailable) and cluster
 * blocks. These heal by themselves, so the writer retries them with backoff for as long as it takes.
 * Permanent: every other 4xx (mapping conflicts and unparsable documents are 400, a document over
 * the size limit 413). Sending such a document again gives the same answer forever, so it becomes a
 * dead letter. The same rules hold for Elasticsearch 7.10 to 9 and OpenSearch, whose error types
 * differ in places ({@code document_parsing_exception} in Elasticsearch 8+ where 7.x and OpenSearch
 * say {@code mapper_parsing_exception}) but whose statuses do not.
 */
public final class BulkFailures {

    /** What to do with a document that failed. */
    public enum Kind {
        /** Send again after a backoff; never dropped. */
        TRANSIENT,
        /** Send to the dead-letter index with the reason; never retried. */
        PERMANENT
    }

    /** Status used for a failure that never got an HTTP answer. */
    public static final int NO_RESPONSE = 0;

    private BulkFailures() {}

    /**
     * @param status the HTTP status of the item or request, {@link #NO_RESPONSE} when there was none
     * @param errorType Elasticsearch's error type ({@code mapper_parsing_exception}), or null
     */
    public static Kind classify(int status, String errorType) {
        if (status == NO_RESPONSE || status == 408 || status == 429 || status >= 500) {
            return Kind.TRANSIENT;
        }
        if (errorType != null && (errorType.contains("cluster_block_exception")
                // es_rejected_execution_exception, OpenSearch's opensearch_rejected_execution_exception
                || errorType.contains("rejected_execution_exception"))) {
            return Kind.TRANSIENT;
        }
        return status >= 400 ? Kind.PERMANENT : Kind.TRANSIENT;
    }
}
