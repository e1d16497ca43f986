package dev.vigil.operators.track;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link TrackedFrameSerializer} wherever {@link TrackedFrame} records flow. */
public final class TrackedFrameTypeInfoFactory extends RecordTypeInfoFactory<TrackedFrame> {
    public TrackedFrameTypeInfoFactory() {
        super(TrackedFrame.class, TrackedFrameSerializer.INSTANCE);
    }
}
