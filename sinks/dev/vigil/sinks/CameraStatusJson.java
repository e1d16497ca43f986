package dev.vigil.sinks;

import dev.vigil.sources.rtsp.CameraStatus;

import java.util.Locale;

/**
 * The JSON line of one camera status change, format version 1 (schema:
 * {@code sinks/schema/camera-status.schema.json}).
 */
public final class CameraStatusJson implements JsonLineEncoder<CameraStatus> {

    private static final long serialVersionUID = 1L;

    @Override
    public String encode(CameraStatus s) {
        return Json.line(1, json -> {
            json.writeStringField("camera_id", s.cameraId());
            json.writeStringField("state", s.state().name().toLowerCase(Locale.ROOT));
            json.writeNumberField("time_ms", s.timeMillis());
            if (s.downSinceMillis() >= 0) {
                json.writeNumberField("down_since_ms", s.downSinceMillis());
            }
            json.writeNumberField("down_for_ms", s.downForMillis());
            json.writeNumberField("frames_lost", s.framesLost());
            json.writeNumberField("failed_attempts", s.failedAttempts());
            json.writeStringField("url", s.maskedUrl());
            if (s.message() != null) {
                json.writeStringField("message", s.message());
            }
        });
    }
}
