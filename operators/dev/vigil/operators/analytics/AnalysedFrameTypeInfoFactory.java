package dev.vigil.operators.analytics;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link AnalysedFrameSerializer} wherever {@link AnalysedFrame} records flow. */
public final class AnalysedFrameTypeInfoFactory extends RecordTypeInfoFactory<AnalysedFrame> {
    public AnalysedFrameTypeInfoFactory() {
        super(AnalysedFrame.class, AnalysedFrameSerializer.INSTANCE);
    }
}
