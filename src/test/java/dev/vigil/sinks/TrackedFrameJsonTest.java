package dev.vigil.sinks;

import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.vigil.testing.JsonSchemaAssert.assertMatchesSchema;
import static dev.vigil.testing.JsonSchemaAssert.schema;
import static org.assertj.core.api.Assertions.assertThat;

class TrackedFrameJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void trackedFrameLineHasTheDocumentedFieldsAndMatchesItsSchema() throws IOException {
        TrackedFrame record = new TrackedFrame("street", 42, 1750, 640, 352, List.of(
                new TrackedObject(7, 0, "person", 0.876543f, 10.04f, 20.06f, 50f, 120.5f, 1.234f, -0.5f, 12,
                        TrackState.CONFIRMED),
                new TrackedObject(9, 2, "car", 0.3f, 0, 0, 10, 10, 0, 0, 0, TrackState.LOST)));

        JsonNode line = MAPPER.readTree(new TrackedFrameJson().encode(record));

        assertThat(line.get("format").asInt()).isEqualTo(1);
        assertThat(line.get("camera_id").asText()).isEqualTo("street");
        assertThat(line.get("sequence").asLong()).isEqualTo(42);
        JsonNode o = line.get("objects").get(0);
        assertThat(o.get("track_id").asLong()).isEqualTo(7);
        assertThat(o.get("score").asDouble()).isEqualTo(0.8765);
        assertThat(o.get("box").toString()).isEqualTo("[10.0,20.1,50.0,120.5]");
        assertThat(o.get("velocity").toString()).isEqualTo("[1.23,-0.5]");
        assertThat(o.get("age_frames").asLong()).isEqualTo(12);
        assertThat(o.get("state").asText()).isEqualTo("confirmed");
        assertThat(line.get("objects").get(1).get("state").asText()).isEqualTo("lost");

        JsonNode schema = MAPPER.readTree(Path.of("sinks/schema/tracked-frame.schema.json").toFile());
        assertMatchesSchema(line, schema);
        assertThat(schema.at("/properties/objects/items/properties/state/enum").toString())
                .isEqualTo("[\"tentative\",\"confirmed\",\"lost\"]");
    }
}
