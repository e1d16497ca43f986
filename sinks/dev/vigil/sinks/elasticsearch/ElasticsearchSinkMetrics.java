package dev.vigil.sinks.elasticsearch;

/**
 * The metrics of an Elasticsearch sink's writer ({@link ElasticsearchIndexWriter}), beside Flink's
 * {@code numRecordsSend}:
 * <ul>
 *   <li>{@value #DEAD_LETTERS} (counter): documents refused for good and written to the dead-letter index;
 *   <li>{@value #DEAD_LETTERS_LOST} (counter): dead letters Elasticsearch refused in turn (logged at ERROR);
 *   <li>{@value #BULK_RETRIES} (counter): bulk attempts repeated after a transient failure;
 *   <li>{@value #PENDING_DOCUMENTS} (gauge): documents waiting for the next bulk.
 * </ul>
 */
public final class ElasticsearchSinkMetrics {

    public static final String DEAD_LETTERS = "deadLetters";
    public static final String DEAD_LETTERS_LOST = "deadLettersLost";
    public static final String BULK_RETRIES = "bulkRetries";
    public static final String PENDING_DOCUMENTS = "pendingDocuments";

    private ElasticsearchSinkMetrics() {}
}
