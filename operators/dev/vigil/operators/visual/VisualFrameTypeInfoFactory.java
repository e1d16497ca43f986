package dev.vigil.operators.visual;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link VisualFrameSerializer} wherever {@link VisualFrame} records flow. */
public final class VisualFrameTypeInfoFactory extends RecordTypeInfoFactory<VisualFrame> {
    public VisualFrameTypeInfoFactory() {
        super(VisualFrame.class, VisualFrameSerializer.INSTANCE);
    }
}
