package dev.vigil.operators.detect;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link FrameDetectionsSerializer} wherever {@link FrameDetections} records flow. */
public final class FrameDetectionsTypeInfoFactory extends RecordTypeInfoFactory<FrameDetections> {
    public FrameDetectionsTypeInfoFactory() {
        super(FrameDetections.class, FrameDetectionsSerializer.INSTANCE);
    }
}
