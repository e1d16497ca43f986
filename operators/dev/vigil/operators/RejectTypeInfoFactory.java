package dev.vigil.operators;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link RejectSerializer} wherever {@link Reject} records flow. */
public final class RejectTypeInfoFactory extends RecordTypeInfoFactory<Reject> {
    public RejectTypeInfoFactory() {
        super(Reject.class, RejectSerializer.INSTANCE);
    }
}
