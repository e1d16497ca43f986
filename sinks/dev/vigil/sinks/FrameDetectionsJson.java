package dev.vigil.sinks;

import dev.vigil.models.Detection;
import dev.vigil.operators.detect.FrameDetections;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The JSON line of one frame's detections, format version 1 (schema:
 * {@code sinks/schema/frame-detections.schema.json}). Field names are stable; new fields may be
 * added, existing ones are never renamed or re-typed within a version.
 */
public final class FrameDetectionsJson implements JsonLineEncoder<FrameDetections> {

    private static final long serialVersionUID = 1L;

    /** Value of the {@code format} field. */
    public static final int FORMAT_VERSION = 1;

    @Override
    public String encode(FrameDetections record) {
        return Json.line(FORMAT_VERSION, json -> writeFields(record, json, BoxShape.ARRAY));
    }

    /**
     * Writes the record's fields, the format's names and shapes, into an object the caller has
     * opened and closes; every output of frame detections writes them through here.
     */
    public static void writeFields(FrameDetections r, JsonGenerator json, BoxShape boxes) throws IOException {
        Json.writeFrameFields(json, r.cameraId(), r.sequence(), r.timestampMillis(), r.width(), r.height());
        json.writeStringField("model", r.model());
        json.writeArrayFieldStart("detections");
        for (Detection d : r.detections()) {
            json.writeStartObject();
            Json.writeObject(json, boxes, d.classId(), d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2());
            json.writeEndObject();
        }
        json.writeEndArray();
        FrameDetections.Timing t = r.timing();
        json.writeObjectFieldStart("timing");
        json.writeNumberField("ingest_time_ms", t.ingestTimeMillis());
        json.writeNumberField("detected_at_ms", t.detectedAtMillis());
        json.writeNumberField("batch_size", t.batchSize());
        json.writeNumberField("preprocess_us", t.preprocessMicros());
        json.writeNumberField("inference_us", t.inferenceMicros());
        json.writeNumberField("postprocess_us", t.postprocessMicros());
        json.writeNumberField("tiles", t.tiles());
        json.writeNumberField("batch_inputs", t.batchInputs());
        json.writeEndObject();
    }
}
