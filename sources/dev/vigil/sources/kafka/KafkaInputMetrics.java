package dev.vigil.sources.kafka;

/**
 * The metrics of the Kafka frame input, operator {@code decode-frames} ({@link DecodeFrames}):
 * <ul>
 *   <li>per camera, in the group {@code camera=<id>}: {@value #FRAMES_DECODED} (counter) and
 *       {@code framesDecodedPerSecond} (meter): records decoded into frames;
 *   <li>per {@link DeadLetterReason}, in the group {@value #REASON_KEY}{@code =<reason>} (such as
 *       {@code reason=undecodable-image}): {@value #DEAD_LETTERS} (counter), records sent to the dead-letter topic;
 *       registered for every reason at start.
 * </ul>
 * The Kafka source's own metrics (lag, offsets) are the connector's.
 */
public final class KafkaInputMetrics {

    public static final String FRAMES_DECODED = "framesDecoded";
    public static final String REASON_KEY = "reason";
    public static final String DEAD_LETTERS = "deadLetters";

    private KafkaInputMetrics() {}
}
