package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link ZoneOccupancySerializer} wherever {@link ZoneOccupancy} records flow. */
public final class ZoneOccupancyTypeInfoFactory extends RecordTypeInfoFactory<ZoneOccupancy> {
    public ZoneOccupancyTypeInfoFactory() {
        super(ZoneOccupancy.class, ZoneOccupancySerializer.INSTANCE);
    }
}
