package dev.vigil.sinks;

import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vigil.testing.JsonSchemaAssert.assertMatchesSchema;
import static dev.vigil.testing.JsonSchemaAssert.schema;
import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eventLinesCarryTheFieldsOfTheirTypeAndMatchTheSchema() throws IOException {
        JsonNode schema = MAPPER.readTree(Path.of("sinks/schema/analytics-event.schema.json").toFile());
        AnalyticsEventJson encoder = new AnalyticsEventJson();

        JsonNode crossed = MAPPER.readTree(encoder.encode(AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED,
                "gate", 7, "person", "door", "in", 42, 4200, -1, null)));
        assertThat(crossed.toString()).isEqualTo("{\"format\":1,\"event_id\":\"gate:line_crossed:door:7:42\","
                + "\"type\":\"line_crossed\",\"timestamp_ms\":4200,\"camera_id\":\"gate\",\"sequence\":42,"
                + "\"track_id\":7,\"label\":\"person\",\"line\":\"door\",\"direction\":\"in\"}");
        assertMatchesSchema(crossed, schema);

        JsonNode exited = MAPPER.readTree(encoder.encode(AnalyticsEvent.track(AnalyticsEvent.Type.ZONE_EXITED,
                "gate", 7, "person", "lobby", null, 50, 5000, 1200, "track ended")));
        assertThat(exited.get("zone").asText()).isEqualTo("lobby");
        assertThat(exited.get("dwell_ms").asLong()).isEqualTo(1200);
        assertThat(exited.has("line")).isFalse();
        assertMatchesSchema(exited, schema);

        JsonNode rejected = MAPPER.readTree(encoder.encode(AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_REJECTED,
                "control.yaml", "x", 99, "a: bad\nb: worse")));
        assertThat(rejected.has("camera_id")).isFalse();
        assertThat(rejected.has("sequence")).isFalse();
        assertThat(rejected.get("message").asText()).isEqualTo("a: bad\nb: worse");
        assertMatchesSchema(rejected, schema);

        List<String> types = new ArrayList<>();
        schema.at("/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactly(
                java.util.Arrays.stream(AnalyticsEvent.Type.values()).map(AnalyticsEvent.Type::wireName).toArray(String[]::new));
    }

    @Test
    void countLinesMatchTheSchema() throws IOException {
        JsonNode schema = MAPPER.readTree(Path.of("sinks/schema/analytics-counts.schema.json").toFile());
        JsonNode line = MAPPER.readTree(new CountsRecordJson().encode(new CountsRecord("gate", 60_000, 120_000, "person",
                3, 1500, List.of(new CountsRecord.LineCount("door", 2, 1)),
                List.of(new CountsRecord.ZoneStat("lobby", 2, 2.0 / 3)))));
        assertThat(line.get("window_start_ms").asLong()).isEqualTo(60_000);
        assertThat(line.get("lines").toString()).isEqualTo("[{\"line\":\"door\",\"in\":2,\"out\":1}]");
        assertThat(line.get("zones").toString()).isEqualTo("[{\"zone\":\"lobby\",\"max\":2,\"avg\":0.667}]");
        assertMatchesSchema(line, schema);
    }
}
