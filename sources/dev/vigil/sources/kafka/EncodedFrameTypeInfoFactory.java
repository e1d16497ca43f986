package dev.vigil.sources.kafka;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link EncodedFrameSerializer} wherever {@link EncodedFrame} records flow. */
public final class EncodedFrameTypeInfoFactory extends RecordTypeInfoFactory<EncodedFrame> {
    public EncodedFrameTypeInfoFactory() {
        super(EncodedFrame.class, EncodedFrameSerializer.INSTANCE);
    }
}
