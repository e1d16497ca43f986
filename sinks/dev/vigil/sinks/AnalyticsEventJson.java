package dev.vigil.sinks;

import dev.vigil.operators.analytics.AnalyticsEvent;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The JSON line of one analytics event, format version 1 (schema:
 * {@code sinks/schema/analytics-event.schema.json}). Fields that do not apply to the event's type
 * are left out. {@code event_id} is stable across replays: sinks de-duplicate on it.
 */
public final class AnalyticsEventJson implements JsonLineEncoder<AnalyticsEvent> {

    private static final long serialVersionUID = 1L;

    /** Value of the {@code format} field. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String encode(AnalyticsEvent record) {
        return Json.line(FORMAT_VERSION, json -> writeFields(record, json));
    }

    /**
     * Writes the record's fields, the format's names and shapes, into an object the caller has
     * opened and closes; every output of analytics events writes them through here.
     */
    public static void writeFields(AnalyticsEvent e, JsonGenerator json) throws IOException {
        json.writeStringField("event_id", e.eventId());
        json.writeStringField("type", e.type().wireName());
        json.writeNumberField("timestamp_ms", e.timestampMillis());
        if (e.cameraId() != null) {
            json.writeStringField("camera_id", e.cameraId());
        }
        if (e.sequence() >= 0) {
            json.writeNumberField("sequence", e.sequence());
        }
        if (e.trackId() >= 0) {
            json.writeNumberField("track_id", e.trackId());
        }
        if (e.label() != null) {
            json.writeStringField("label", e.label());
        }
        if (e.name() != null) {
            json.writeStringField(e.type() == AnalyticsEvent.Type.LINE_CROSSED ? "line" : "zone", e.name());
        }
        if (e.direction() != null) {
            json.writeStringField("direction", e.direction());
        }
        if (e.dwellMillis() >= 0) {
            json.writeNumberField("dwell_ms", e.dwellMillis());
        }
        if (e.message() != null) {
            json.writeStringField("message", e.message());
        }
        if (e.snapshot() != null) {
            json.writeStringField("snapshot", e.snapshot());
        }
    }
}
