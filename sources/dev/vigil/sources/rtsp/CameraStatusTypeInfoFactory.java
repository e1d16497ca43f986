package dev.vigil.sources.rtsp;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link CameraStatusSerializer} wherever {@link CameraStatus} records flow. */
public final class CameraStatusTypeInfoFactory extends RecordTypeInfoFactory<CameraStatus> {
    public CameraStatusTypeInfoFactory() {
        super(CameraStatus.class, CameraStatusSerializer.INSTANCE);
    }
}
