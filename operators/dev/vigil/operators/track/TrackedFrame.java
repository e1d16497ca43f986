package dev.vigil.operators.track;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * The tracks of one camera frame, emitted in sequence order per camera.
 *
 * @param cameraId camera the frame came from
 * @param sequence the frame's index in its camera's stream
 * @param timestampMillis event time of the frame
 * @param width source frame width, pixels
 * @param height source frame height, pixels
 * @param objects the tracks reported for this frame, by ascending track id
 */
@TypeInfo(TrackedFrameTypeInfoFactory.class)
public record TrackedFrame(
        String cameraId,
        long sequence,
        long timestampMillis,
        int width,
        int height,
        List<TrackedObject> objects) {

    public TrackedFrame {
        Objects.requireNonNull(cameraId, "cameraId");
        objects = List.copyOf(objects);
    }
}
