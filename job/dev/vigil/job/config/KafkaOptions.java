package dev.vigil.job.config;

import java.time.Duration;
import java.util.List;

/**
 * Config keys of the Kafka input ({@code input.type: kafka}), the Kafka result topics and the Kafka
 * control topic. All Kafka clients share {@link #BOOTSTRAP_SERVERS} and {@link #PROPERTIES}.
 */
public final class KafkaOptions {

    private KafkaOptions() {}

    public static final ConfigOption<String> BOOTSTRAP_SERVERS = ConfigOption.of(
            "kafka.bootstrap-servers", ValueType.string(), null,
            "Kafka brokers as host:port[,host:port...]; needed by the Kafka input, result topics and control topic.");
    public static final ConfigOption<Object> PROPERTIES = ConfigOption.of(
            "kafka.properties", ValueType.tree(), null,
            "Kafka client properties for every consumer and producer (security.protocol, sasl.*, ssl.*, ...), "
                    + "passed through as given; secret values (passwords, sasl.jaas.config) are masked wherever "
                    + "the config is shown.");
    public static final ConfigOption<Duration> CONNECT_TIMEOUT = ConfigOption.of(
            "kafka.connect-timeout", ValueType.positiveDuration(), Duration.ofSeconds(10),
            "How long the check before the job starts waits for a broker of kafka.bootstrap-servers to answer; "
                    + "the job is not started when none does.");

    public static final ConfigOption<String> FRAMES_TOPIC = ConfigOption.of(
            "kafka.frames-topic", ValueType.string(), null,
            "Topic of encoded frames for input.type kafka (value JPEG/PNG, key and headers as in the README).");
    public static final ConfigOption<String> GROUP_ID = ConfigOption.of(
            "kafka.group-id", ValueType.string(), "vigil",
            "Consumer group of the frame input; offsets are committed to it on each checkpoint.");
    public static final ConfigOption<String> STARTING_OFFSETS = ConfigOption.of(
            "kafka.starting-offsets", ValueType.oneOf("committed", "earliest", "latest"), "committed",
            "Where a job without a checkpoint starts reading frames: the group's committed offsets (earliest "
                    + "where there are none), the earliest, or the latest.");
    public static final ConfigOption<Boolean> STOP_AT_END = ConfigOption.of(
            "kafka.stop-at-end", ValueType.bool(), false,
            "Stop once the frames (and control records) present when the job started are processed (a backfill); "
                    + "default: run until stopped.");
    public static final ConfigOption<Long> MAX_IMAGE_BYTES = ConfigOption.of(
            "kafka.max-image-bytes", ValueType.integer(1, Integer.MAX_VALUE), 4L * 1024 * 1024,
            "Largest encoded image accepted; a larger one goes to the dead-letter topic undecoded.");
    public static final ConfigOption<List<String>> CAMERAS = ConfigOption.of(
            "kafka.cameras", ValueType.stringList(), null,
            "Cameras accepted from the frame topic; others go to the dead-letter topic. Default: every camera.");
    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS = ConfigOption.of(
            "kafka.max-out-of-orderness", ValueType.duration(), Duration.ofSeconds(5),
            "How far capture timestamps within a partition may run backwards (cameras sharing a partition).");
    public static final ConfigOption<Duration> IDLE_TIMEOUT = ConfigOption.of(
            "kafka.idle-timeout", ValueType.duration(), Duration.ofSeconds(30),
            "A partition without frames this long stops holding back event time (0 = never idle).");
    public static final ConfigOption<String> DEAD_LETTER_TOPIC = ConfigOption.of(
            "kafka.dead-letter-topic", ValueType.string(), null,
            "Topic for frame records that cannot be decoded, with the reason in headers; default: "
                    + "<frames-topic>-dead-letters.");

    public static final ConfigOption<String> DETECTIONS_TOPIC = ConfigOption.of(
            "kafka.detections-topic", ValueType.string(), null,
            "Topic for detection results (frame-detections schema); not written when unset.");
    public static final ConfigOption<String> TRACKS_TOPIC = ConfigOption.of(
            "kafka.tracks-topic", ValueType.string(), null,
            "Topic for tracked frames (tracked-frame schema; needs tracking); not written when unset.");
    public static final ConfigOption<String> EVENTS_TOPIC = ConfigOption.of(
            "kafka.events-topic", ValueType.string(), null,
            "Topic for analytics events (analytics-event schema; needs analytics); not written when unset.");
    public static final ConfigOption<String> COUNTS_TOPIC = ConfigOption.of(
            "kafka.counts-topic", ValueType.string(), null,
            "Topic for windowed counts (analytics-counts schema; needs analytics); not written when unset.");
    public static final ConfigOption<String> REJECTS_TOPIC = ConfigOption.of(
            "kafka.rejects-topic", ValueType.string(), null,
            "Topic for rejected frames (reject schema); not written when unset.");
    public static final ConfigOption<String> DELIVERY_GUARANTEE = ConfigOption.of(
            "kafka.delivery-guarantee", ValueType.oneOf("exactly-once", "at-least-once", "none"), null,
            "Guarantee of the Kafka outputs; default: exactly-once (transactions committed on each checkpoint) "
                    + "when checkpointing is on, else at-least-once.");
    public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX = ConfigOption.of(
            "kafka.transactional-id-prefix", ValueType.string(), null,
            "Prefix of the transactional ids of exactly-once outputs; unique per job on a cluster. Default: job.name.");
    public static final ConfigOption<Duration> TRANSACTION_TIMEOUT = ConfigOption.of(
            "kafka.transaction-timeout", ValueType.positiveDuration(), Duration.ofMinutes(10),
            "transaction.timeout.ms of exactly-once outputs: longer than the checkpoint interval plus a restart, "
                    + "at most the brokers' transaction.max.timeout.ms (15m by default).");

    public static final ConfigOption<String> CONTROL_TOPIC = ConfigOption.of(
            "kafka.control-topic", ValueType.string(), null,
            "Topic of live analytics settings (each value a YAML analytics section, as in control.file); read "
                    + "from the earliest record, so the latest one wins.");

    /** All Kafka options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return List.of(BOOTSTRAP_SERVERS, PROPERTIES, CONNECT_TIMEOUT, FRAMES_TOPIC, GROUP_ID, STARTING_OFFSETS, STOP_AT_END,
                MAX_IMAGE_BYTES, CAMERAS, MAX_OUT_OF_ORDERNESS, IDLE_TIMEOUT, DEAD_LETTER_TOPIC, DETECTIONS_TOPIC,
                TRACKS_TOPIC, EVENTS_TOPIC, COUNTS_TOPIC, REJECTS_TOPIC, DELIVERY_GUARANTEE, TRANSACTIONAL_ID_PREFIX,
                TRANSACTION_TIMEOUT, CONTROL_TOPIC);
    }
}
