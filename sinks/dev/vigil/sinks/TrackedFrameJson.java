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
        return Json.line(FORMAT_VERSION, json -> writeFields(record, json, BoxShape.ARRAY));
    }

    /**
     * Writes the record's fields, the format's names and shapes, into an object the caller has
     * opened and closes; every output of tracked frames writes them through here.
     */
    public static void writeFields(TrackedFrame r, JsonGenerator json, BoxShape boxes) throws IOException {
        Json.writeFrameFields(json, r.cameraId(), r.sequence(), r.timestampMillis(), r.width(), r.height());
        json.writeArrayFieldStart("objects");
        for (TrackedObject o : r.objects()) {
            json.writeStartObject();
            json.writeNumberField("track_id", o.trackId());
            Json.writeObject(json, boxes, o.classId(), o.label(), o.score(), o.x1(), o.y1(), o.x2(), o.y2());
            json.writeArrayFieldStart("velocity");
            json.writeNumber(Json.round(o.vx(), 2));
            json.writeNumber(Json.round(o.vy(), 2));
            json.writeEndArray();
            json.writeNumberField("age_frames", o.ageFrames());
            json.writeStringField("state", o.state().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
