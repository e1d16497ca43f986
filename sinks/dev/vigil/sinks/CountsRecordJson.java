package dev.vigil.sinks;

import dev.vigil.operators.analytics.CountsRecord;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The JSON line of one windowed count (camera, class, window), format version 1 (schema:
 * {@code sinks/schema/analytics-counts.schema.json}). (camera_id, window_start_ms, label)
 * identifies a record.
 */
public final class CountsRecordJson implements JsonLineEncoder<CountsRecord> {

    private static final long serialVersionUID = 1L;

    /** Value of the {@code format} field. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String encode(CountsRecord record) {
        return Json.line(FORMAT_VERSION, json -> writeFields(record, json));
    }

    /**
     * Writes the record's fields, the format's names and shapes, into an object the caller has
     * opened and closes; every output of windowed counts writes them through here.
     */
    public static void writeFields(CountsRecord r, JsonGenerator json) throws IOException {
        json.writeStringField("camera_id", r.cameraId());
        json.writeNumberField("window_start_ms", r.windowStart());
        json.writeNumberField("window_end_ms", r.windowEnd());
        json.writeStringField("label", r.label());
        json.writeNumberField("distinct_tracks", r.distinctTracks());
        json.writeNumberField("frames", r.frames());
        json.writeArrayFieldStart("lines");
        for (CountsRecord.LineCount l : r.lines()) {
            json.writeStartObject();
            json.writeStringField("line", l.line());
            json.writeNumberField("in", l.in());
            json.writeNumberField("out", l.out());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("zones");
        for (CountsRecord.ZoneStat z : r.zones()) {
            json.writeStartObject();
            json.writeStringField("zone", z.zone());
            json.writeNumberField("max", z.max());
            json.writeFieldName("avg");
            json.writeNumber(Math.round(z.avg() * 1000) / 1000.0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
