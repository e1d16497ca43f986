package dev.vigil.sinks;

import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Locale;

/**
 * The JSON line of one frame's tracks, format version 1 (schema:
 * {@code sinks/schema/tracked-frame.schema.json}). Field names are stable; new fields may be
 * added, existing ones are never renamed or re-typed within a version.
 */
public final class TrackedFrameJson implements JsonLineEncoder<TrackedFrame> {

    private static final long serialVersionUID = 1L;

    /** Value of the {@code format} field. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String encode(TrackedFrame record) {
        return Json.write(json -> write(record, json));
    }

    private static void write(TrackedFrame r, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("format", FORMAT_VERSION);
        json.writeStringField("camera_id", r.cameraId());
        json.writeNumberField("sequence", r.sequence());
        json.writeNumberField("timestamp_ms", r.timestampMillis());
        json.writeNumberField("width", r.width());
        json.writeNumberField("height", r.height());
        json.writeArrayFieldStart("objects");
        for (TrackedObject o : r.objects()) {
            json.writeStartObject();
            json.writeNumberField("track_id", o.trackId());
            json.writeNumberField("class_id", o.classId());
            json.writeStringField("label", o.label());
            json.writeFieldName("score");
            json.writeNumber(Json.round(o.score(), 4));
            json.writeArrayFieldStart("box");
            json.writeNumber(Json.round(o.x1(), 1));
            json.writeNumber(Json.round(o.y1(), 1));
            json.writeNumber(Json.round(o.x2(), 1));
            json.writeNumber(Json.round(o.y2(), 1));
            json.writeEndArray();
            json.writeArrayFieldStart("velocity");
            json.writeNumber(Json.round(o.vx(), 2));
            json.writeNumber(Json.round(o.vy(), 2));
            json.writeEndArray();
            json.writeNumberField("age_frames", o.ageFrames());
            json.writeStringField("state", o.state().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
