package dev.vigil.operators.visual;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link FrameOverlaySerializer} wherever {@link FrameOverlay} records flow. */
public final class FrameOverlayTypeInfoFactory extends RecordTypeInfoFactory<FrameOverlay> {
    public FrameOverlayTypeInfoFactory() {
        super(FrameOverlay.class, FrameOverlaySerializer.INSTANCE);
    }
}
