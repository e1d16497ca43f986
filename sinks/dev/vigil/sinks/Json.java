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

    /** Rounds for output: scores and pixel boxes need no more digits than this. */
    static double round(float value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
