package dev.vigil.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Small helpers shared by the JSON line encoders and the other outputs that reuse their fields. */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** Something that writes one JSON value. */
    public interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** The JSON text the body writes. */
    public static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            // A StringWriter does not fail; anything here is a bug in the encoder.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One JSON line: an object with the {@code format} version first, then the record's fields. */
    static String line(int format, Body fields) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("format", format);
            fields.writeTo(json);
            json.writeEndObject();
        });
    }

    /** The fields every per-frame record starts with, into an object already open. */
    static void writeFrameFields(JsonGenerator json, String cameraId, long sequence, long timestampMillis, int width,
            int height) throws IOException {
        json.writeStringField("camera_id", cameraId);
        json.writeNumberField("sequence", sequence);
        json.writeNumberField("timestamp_ms", timestampMillis);
        json.writeNumberField("width", width);
        json.writeNumberField("height", height);
    }

    /** Writes the class, label, score and box fields of one object. */
    static void writeObject(JsonGenerator json, BoxShape boxes, int classId, String label, float score, float x1,
            float y1, float x2, float y2) throws IOException {
        json.writeNumberField("class_id", classId);
        json.writeStringField("label", label);
        json.writeFieldName("score");
        json.writeNumber(round(score, 4));
        switch (boxes) {
            case ARRAY -> {
                json.writeArrayFieldStart("box");
                json.writeNumber(round(x1, 1));
                json.writeNumber(round(y1, 1));
                json.writeNumber(round(x2, 1));
                json.writeNumber(round(y2, 1));
                json.writeEndArray();
            }
            case OBJECT -> {
                json.writeObjectFieldStart("box");
                json.writeNumberField("x1", round(x1, 1));
                json.writeNumberField("y1", round(y1, 1));
                json.writeNumberField("x2", round(x2, 1));
                json.writeNumberField("y2", round(y2, 1));
                json.writeEndObject();
            }
        }
    }

    /** Rounds for output: scores and pixel boxes need no more digits than this. */
    static double round(float value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
