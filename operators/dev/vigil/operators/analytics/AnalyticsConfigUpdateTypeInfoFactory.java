package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link AnalyticsConfigUpdateSerializer} wherever {@link AnalyticsConfigUpdate} records flow. */
public final class AnalyticsConfigUpdateTypeInfoFactory extends RecordTypeInfoFactory<AnalyticsConfigUpdate> {
    public AnalyticsConfigUpdateTypeInfoFactory() {
        super(AnalyticsConfigUpdate.class, AnalyticsConfigUpdateSerializer.INSTANCE);
    }
}
