package dev.vigil.sources.rtsp;


import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Objects;

/**
 * A change in a camera's connection, as the source saw it.
 *
 * @param timeMillis wall-clock time of the change
 * @param downSinceMillis when the camera last delivered a frame before this outage (or when the attempts
 *     started, if it never did); -1 while streaming without an outage behind it
 * @param downForMillis for a {@code STREAMING} event after an outage, how long the outage lasted; for
 *     the other states, how long the camera has been down so far; 0 when it was never down
 * @param framesLost frames the camera would have delivered during the outage (its duration times the
 *     camera's frame rate), set on the {@code STREAMING} event that ends it; sequence numbers skip as many
 * @param failedAttempts connection attempts that failed in a row
 * @param maskedUrl the camera URL with credentials masked
 * @param message what happened, credentials masked; {@code null} when there is nothing to add
 */
@TypeInfo(CameraStatusTypeInfoFactory.class)
public record CameraStatus(
        String cameraId,
        CameraState state,
        long timeMillis,
        long downSinceMillis,
        long downForMillis,
        long framesLost,
        int failedAttempts,
        String maskedUrl,
        String message) {

    public CameraStatus {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(maskedUrl, "maskedUrl");
    }
}
