package dev.vigil.sources.rtsp.types;

import dev.vigil.sources.rtsp.CameraStatus;
import dev.vigil.sources.types.RecordTypeInfoFactory;

/** Tells Flink to use {@link CameraStatusSerializer} wherever {@link CameraStatus} records flow. */
public final class CameraStatusTypeInfoFactory extends RecordTypeInfoFactory<CameraStatus> {
    public CameraStatusTypeInfoFactory() {
        super(CameraStatus.class, CameraStatusSerializer.INSTANCE);
    }
}
