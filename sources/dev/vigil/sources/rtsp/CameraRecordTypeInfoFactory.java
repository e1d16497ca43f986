package dev.vigil.sources.rtsp;

import dev.vigil.sources.serialization.RecordTypeInfoFactory;

/** Tells Flink to use {@link CameraRecordSerializer} wherever {@link CameraRecord} records flow. */
public final class CameraRecordTypeInfoFactory extends RecordTypeInfoFactory<CameraRecord> {
    public CameraRecordTypeInfoFactory() {
        super(CameraRecord.class, CameraRecordSerializer.INSTANCE);
    }
}
