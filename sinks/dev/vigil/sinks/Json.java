package dev.vigil.sinks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Small helpers shared by the JSON line encoders. */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** Something that writes one JSON value. */
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.writeTo(json);
        } catch (IOException e) {
            // A StringWriter does not fail; anything here is a bug in the encoder.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Opens a frame record: the fields every per-frame line starts with. */
    static void startFrame(JsonGenerator json, int format, String cameraId, long sequence, long timestampMillis,
            int width, int height) throws IOException {
        json.writeStartObject();
        json.writeNumberField("format", format);
        json.writeStringField("camera_id", cameraId);
        json.writeNumberField("sequence", sequence);
        json.writeNumberField("timestamp_ms", timestampMillis);
        json.writeNumberField("width", width);
        json.writeNumberField("height", height);
    }

    /** Writes the class, label, score and box fields of one object. */
    static void writeObject(JsonGenerator json, int classId, String label, float score, float x1, float y1, float x2,
            float y2) throws IOException {
        json.writeNumberField("class_id", classId);
        json.writeStringField("label", label);
        json.writeFieldName("score");
        json.writeNumber(round(score, 4));
        json.writeArrayFieldStart("box");
        json.writeNumber(round(x1, 1));
        json.writeNumber(round(y1, 1));
        json.writeNumber(round(x2, 1));
        json.writeNumber(round(y2, 1));
        json.writeEndArray();
    }

    /** Rounds for output: scores and pixel boxes need no more digits than this. */
    static double round(float value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
