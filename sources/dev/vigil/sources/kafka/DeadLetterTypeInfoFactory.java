package dev.vigil.sources.kafka;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link DeadLetterSerializer} wherever {@link DeadLetter} records flow. */
public final class DeadLetterTypeInfoFactory extends RecordTypeInfoFactory<DeadLetter> {
    public DeadLetterTypeInfoFactory() {
        super(DeadLetter.class, DeadLetterSerializer.INSTANCE);
    }
}
