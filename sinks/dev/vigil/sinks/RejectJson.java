package dev.vigil.sinks;

import dev.vigil.operators.Reject;

/**
 * The JSON line of one rejected frame or stretch of frames, format version 1 (schema:
 * {@code sinks/schema/reject.schema.json}).
 */
public final class RejectJson implements JsonLineEncoder<Reject> {

    private static final long serialVersionUID = 1L;

    @Override
    public String encode(Reject r) {
        return Json.line(1, json -> {
            json.writeStringField("camera_id", r.cameraId());
            json.writeNumberField("sequence", r.sequence());
            json.writeNumberField("last_sequence", r.lastSequence());
            json.writeNumberField("frames", r.frames());
            json.writeNumberField("timestamp_ms", r.timestampMillis());
            json.writeStringField("stage", r.stage().name().toLowerCase(java.util.Locale.ROOT));
            json.writeStringField("reason", r.reason());
            json.writeNumberField("rejected_at_ms", r.rejectedAtMillis());
        });
    }
}
