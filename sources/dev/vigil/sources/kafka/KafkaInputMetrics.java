package dev.vigil.sources.kafka;

/**
 * The metrics of the Kafka frame input, operator {@code decode-frames} ({@link DecodeFrames}):
 * <ul>
 *   <li>{@value #FRAMES_DECODED} (counter): records decoded into frames;
 *   <li>{@value #DEAD_LETTERS_GROUP}{@code .<reason>} (counter per {@link DeadLetterReason}, such as
 *       {@code deadLetters.undecodable-image}): records sent to the dead-letter topic.
 * </ul>
 * The Kafka source's own metrics (lag, offsets) are the connector's.
 */
public final class KafkaInputMetrics {

    public static final String FRAMES_DECODED = "framesDecoded";
    public static final String DEAD_LETTERS_GROUP = "deadLetters";

    private KafkaInputMetrics() {}
}
