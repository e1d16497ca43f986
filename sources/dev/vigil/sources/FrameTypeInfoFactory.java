package dev.vigil.sources;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;


/** Tells Flink to use {@link FrameSerializer} wherever {@link Frame} records flow. */
public final class FrameTypeInfoFactory extends RecordTypeInfoFactory<Frame> {
    public FrameTypeInfoFactory() {
        super(Frame.class, FrameSerializer.INSTANCE);
    }
}
