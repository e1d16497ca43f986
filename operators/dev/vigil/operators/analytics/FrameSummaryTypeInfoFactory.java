package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link FrameSummarySerializer} wherever {@link FrameSummary} records flow. */
public final class FrameSummaryTypeInfoFactory extends RecordTypeInfoFactory<FrameSummary> {
    public FrameSummaryTypeInfoFactory() {
        super(FrameSummary.class, FrameSummarySerializer.INSTANCE);
    }
}
