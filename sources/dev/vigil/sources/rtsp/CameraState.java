package dev.vigil.sources.rtsp;

/** Where a camera's connection stands. The ordinal is the value of the {@code state} metric. */
public enum CameraState {
    /** First connection attempt since the job (or this camera) started. */
    CONNECTING,
    /** Frames arrive. */
    STREAMING,
    /** A streaming camera sent nothing within its timeout, or its stream ended or broke. */
    STALLED,
    /** Waiting to try again after a failed attempt (backoff). */
    RECONNECTING,
    /** Given up: max attempts reached. The job goes on with the other cameras. */
    FAILED
}
