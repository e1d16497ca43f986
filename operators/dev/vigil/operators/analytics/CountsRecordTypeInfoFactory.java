package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link CountsRecordSerializer} wherever {@link CountsRecord} records flow. */
public final class CountsRecordTypeInfoFactory extends RecordTypeInfoFactory<CountsRecord> {
    public CountsRecordTypeInfoFactory() {
        super(CountsRecord.class, CountsRecordSerializer.INSTANCE);
    }
}
