package dev.vigil.sinks;

import dev.vigil.models.Detection;
import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.FrameDetections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static dev.vigil.testing.JsonSchemaAssert.assertMatchesSchema;
import static dev.vigil.testing.JsonSchemaAssert.schema;
import static org.assertj.core.api.Assertions.assertThat;

/** The encoders write exactly what the published JSON Schemas describe. */
class FrameDetectionsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void detectionLineHasTheDocumentedFieldsAndValues() throws IOException {
        FrameDetections record = new FrameDetections("street", 42, 1750, 640, 352, "nanodet-plus-m-320",
                List.of(new Detection(2, "car", 0.876543f, 10.04f, 20.06f, 300f, 200.5f)),
                new FrameDetections.Timing(1000, 1040, 1, 800, 9000, 120));

        JsonNode line = MAPPER.readTree(new FrameDetectionsJson().encode(record));

        assertThat(line.get("camera_id").asText()).isEqualTo("street");
        assertThat(line.get("sequence").asLong()).isEqualTo(42);
        assertThat(line.get("timestamp_ms").asLong()).isEqualTo(1750);
        JsonNode detection = line.get("detections").get(0);
        assertThat(detection.get("label").asText()).isEqualTo("car");
        assertThat(detection.get("score").asDouble()).isEqualTo(0.8765);
        assertThat(detection.get("box").toString()).isEqualTo("[10.0,20.1,300.0,200.5]");
        assertThat(line.get("timing").get("inference_us").asLong()).isEqualTo(9000);
        assertThat(line.get("timing").get("tiles").asInt()).as("went to the model whole").isZero();
        assertThat(line.get("timing").get("batch_inputs").asInt()).isEqualTo(1);
        assertMatchesSchema(line, schema("frame-detections.schema.json"));
    }

    @Test
    void rejectLineMatchesItsSchema() throws IOException {
        Reject reject = new Reject("street", 7, 280, Reject.Stage.DECODE, "file.mp4: stream ended at frame 7", 5);

        JsonNode line = MAPPER.readTree(new RejectJson().encode(reject));

        assertThat(line.get("stage").asText()).isEqualTo("decode");
        assertThat(line.get("reason").asText()).isEqualTo("file.mp4: stream ended at frame 7");
        assertMatchesSchema(line, schema("reject.schema.json"));
    }

    @Test
    void gapRejectLineSaysWhichFramesAndHowManyAndMatchesItsSchema() throws IOException {
        Reject gap = new Reject("street", 105, 4_375, Reject.Stage.DECODE, "frames 105 to 183 are missing", 5, 183, 79);

        JsonNode line = MAPPER.readTree(new RejectJson().encode(gap));

        assertThat(line.get("sequence").asLong()).isEqualTo(105);
        assertThat(line.get("last_sequence").asLong()).isEqualTo(183);
        assertThat(line.get("frames").asLong()).isEqualTo(79);
        assertMatchesSchema(line, schema("reject.schema.json"));
    }

    @Test
    void aSlicedFrameSaysHowManyTilesItTook() throws IOException {
        FrameDetections record = new FrameDetections("drone", 7, 280, 3840, 2160, "nanodet-plus-m-320", List.of(),
                new FrameDetections.Timing(1000, 1400, 2, 9000, 250_000, 4000, 84, 170));

        JsonNode line = MAPPER.readTree(new FrameDetectionsJson().encode(record));

        assertThat(line.get("timing").get("tiles").asInt()).isEqualTo(84);
        assertThat(line.get("timing").get("batch_inputs").asInt()).isEqualTo(170);
        assertMatchesSchema(line, schema("frame-detections.schema.json"));
    }
}
