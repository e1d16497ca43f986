package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link WindowAccumulatorSerializer} for {@link WindowAccumulator} state. */
public final class WindowAccumulatorTypeInfoFactory extends RecordTypeInfoFactory<WindowAccumulator> {
    public WindowAccumulatorTypeInfoFactory() {
        super(WindowAccumulator.class, WindowAccumulatorSerializer.INSTANCE);
    }
}
