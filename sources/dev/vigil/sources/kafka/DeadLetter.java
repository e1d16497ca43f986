package dev.vigil.sources.kafka;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * A frame-topic record that could not become a frame, with the reason; it goes to the dead-letter
 * topic with its original bytes.
 *
 * @param original the record as read
 * @param reason the kind of problem
 * @param detail what exactly was wrong, for a person
 */
@TypeInfo(DeadLetterTypeInfoFactory.class)
public record DeadLetter(EncodedFrame original, DeadLetterReason reason, String detail) {

    public DeadLetter {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
