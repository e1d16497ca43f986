package dev.vigil.sources.rtsp.types;

import dev.vigil.sources.rtsp.CameraRecord;
import dev.vigil.sources.types.RecordTypeInfoFactory;

/** Tells Flink to use {@link CameraRecordSerializer} wherever {@link CameraRecord} records flow. */
public final class CameraRecordTypeInfoFactory extends RecordTypeInfoFactory<CameraRecord> {
    public CameraRecordTypeInfoFactory() {
        super(CameraRecord.class, CameraRecordSerializer.INSTANCE);
    }
}
