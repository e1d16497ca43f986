package dev.vigil.sinks;

import dev.vigil.sources.rtsp.CameraState;
import dev.vigil.sources.rtsp.CameraStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.vigil.testing.JsonSchemaAssert.assertMatchesSchema;
import static dev.vigil.testing.JsonSchemaAssert.schema;
import static org.assertj.core.api.Assertions.assertThat;

class CameraStatusJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aCameraBackAfterAnOutageSaysSinceWhenForHowLongAndWhatWasLost() throws IOException {
        CameraStatus back = new CameraStatus("gate", CameraState.STREAMING, 12_000, 9_000, 3_000, 75, 2,
                "rtsp://***@10.0.0.7/stream", null);

        JsonNode line = MAPPER.readTree(new CameraStatusJson().encode(back));

        assertThat(line.get("format").asInt()).isEqualTo(1);
        assertThat(line.get("state").asText()).isEqualTo("streaming");
        assertThat(line.get("down_since_ms").asLong()).isEqualTo(9_000);
        assertThat(line.get("down_for_ms").asLong()).isEqualTo(3_000);
        assertThat(line.get("frames_lost").asLong()).isEqualTo(75);
        assertThat(line.has("message")).isFalse();
        assertMatchesSchema(line, schema("camera-status.schema.json"));
    }

    @Test
    void aCameraThatWasNeverDownHasNoDownSince() throws IOException {
        CameraStatus reconnecting = new CameraStatus("gate", CameraState.RECONNECTING, 500, -1, 0, 0, 1,
                "rtsp://10.0.0.7/stream", "Connection refused; next attempt in 1000 ms");

        JsonNode line = MAPPER.readTree(new CameraStatusJson().encode(reconnecting));

        assertThat(line.has("down_since_ms")).isFalse();
        assertThat(line.get("message").asText()).isEqualTo("Connection refused; next attempt in 1000 ms");
        assertMatchesSchema(line, schema("camera-status.schema.json"));
    }
}
