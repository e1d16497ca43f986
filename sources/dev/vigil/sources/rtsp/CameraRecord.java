package dev.vigil.sources.rtsp;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the RTSP source emits: a frame or a camera status change, in one stream, because a FLIP-27
 * source has a single output; {@code RtspFrameInput} splits them right after the source.
 */
@TypeInfo(CameraRecordTypeInfoFactory.class)
public final class CameraRecord {

    private final Frame frame;
    private final CameraStatus status;

    private CameraRecord(Frame frame, CameraStatus status) {
        this.frame = frame;
        this.status = status;
    }

    public static CameraRecord of(Frame frame) {
        return new CameraRecord(java.util.Objects.requireNonNull(frame), null);
    }

    public static CameraRecord of(CameraStatus status) {
        return new CameraRecord(null, java.util.Objects.requireNonNull(status));
    }

    public boolean isFrame() {
        return frame != null;
    }

    /** The frame, or {@code null} for a status record. */
    public Frame frame() {
        return frame;
    }

    /** The status, or {@code null} for a frame record. */
    public CameraStatus status() {
        return status;
    }

    /** Event time: the frame's capture time, or the time of the status change. */
    public long timestampMillis() {
        return frame != null ? frame.timestampMillis() : status.timeMillis();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraRecord
                && java.util.Objects.equals(((CameraRecord) o).frame, frame)
                && java.util.Objects.equals(((CameraRecord) o).status, status);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(frame, status);
    }

    @Override
    public String toString() {
        return frame != null ? frame.toString() : status.toString();
    }
}
