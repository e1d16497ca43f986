package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link AnalyticsEventSerializer} wherever {@link AnalyticsEvent} records flow. */
public final class AnalyticsEventTypeInfoFactory extends RecordTypeInfoFactory<AnalyticsEvent> {
    public AnalyticsEventTypeInfoFactory() {
        super(AnalyticsEvent.class, AnalyticsEventSerializer.INSTANCE);
    }
}
