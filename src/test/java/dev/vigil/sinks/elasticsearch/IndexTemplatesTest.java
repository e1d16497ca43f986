package dev.vigil.sinks.elasticsearch;

import dev.vigil.models.Detection;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyFamilyHasATemplateWithItsPatternShardsAndReplicas() throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.builder()
                .host("http://localhost:9200").indexPrefix("cams").shards(3).replicas(0).build();

        for (IndexFamily family : IndexFamily.values()) {
            JsonNode template = MAPPER.readTree(IndexTemplates.body(settings, family));

            assertThat(template.at("/index_patterns/0").asText()).isEqualTo(family.indexPattern("cams"));
            assertThat(template.at("/template/settings/number_of_shards").asInt()).isEqualTo(3);
            assertThat(template.at("/template/settings/number_of_replicas").asInt()).isZero();
            assertThat(template.at("/template/mappings/properties/@timestamp/type").asText()).isEqualTo("date");
        }
        assertThat(IndexTemplates.name("cams", IndexFamily.TRACKS)).isEqualTo("cams-tracks");
    }

    @Test
    void mappingsTypeIdsAsKeywordsScoresAsFloatsAndBoxesAsObjects() throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.builder().host("http://localhost:9200").build();
        JsonNode detections = MAPPER.readTree(IndexTemplates.body(settings, IndexFamily.DETECTIONS))
                .at("/template/mappings/properties");
        JsonNode tracks = MAPPER.readTree(IndexTemplates.body(settings, IndexFamily.TRACKS))
                .at("/template/mappings/properties");
        JsonNode deadLetters = MAPPER.readTree(IndexTemplates.body(settings, IndexFamily.DEADLETTER))
                .at("/template/mappings/properties");

        assertThat(detections.at("/camera_id/type").asText()).isEqualTo("keyword");
        assertThat(detections.at("/detections/properties/label/type").asText()).isEqualTo("keyword");
        assertThat(detections.at("/detections/properties/score/type").asText()).isEqualTo("float");
        assertThat(detections.at("/detections/properties/box/properties/x1/type").asText()).isEqualTo("float");
        assertThat(tracks.at("/objects/properties/track_id/type").asText()).isEqualTo("keyword");
        assertThat(deadLetters.at("/document/index").asBoolean()).isFalse();
    }

    @Test
    void timesAreEpochMillisDates() throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.builder().host("http://localhost:9200").build();
        JsonNode detections = properties(settings, IndexFamily.DETECTIONS);
        JsonNode aggregates = properties(settings, IndexFamily.AGGREGATES);

        for (JsonNode time : List.of(detections.at("/timestamp_ms"), detections.at("/timing/properties/ingest_time_ms"),
                detections.at("/timing/properties/detected_at_ms"), properties(settings, IndexFamily.TRACKS).at("/timestamp_ms"),
                properties(settings, IndexFamily.EVENTS).at("/timestamp_ms"), aggregates.at("/window_start_ms"),
                aggregates.at("/window_end_ms"))) {
            assertThat(time.get("type").asText()).isEqualTo("date");
            assertThat(time.get("format").asText()).isEqualTo("epoch_millis");
        }
    }

    /** A field missing from a template would get a dynamic mapping guessed from its first value. */
    @Test
    void everyFieldOfEveryDocumentIsMappedExplicitly() throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.builder().host("http://localhost:9200").build();
        FrameDetections detections = new FrameDetections("gate", 42, 1000, 640, 360, "m",
                List.of(new Detection(2, "car", 0.9f, 10, 20, 110, 80)), new FrameDetections.Timing(100, 200, 4, 1, 2, 3));
        TrackedFrame tracks = new TrackedFrame("gate", 9, 0, 640, 360, List.of(
                new TrackedObject(17, 2, "car", 0.8f, 1, 2, 3, 4, 0.5f, -0.5f, 12, TrackState.CONFIRMED)));
        AnalyticsEvent crossing = AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED, "gate", 5, "car", "entry",
                "in", 120, 1000, -1, null);
        AnalyticsEvent loitering = AnalyticsEvent.track(AnalyticsEvent.Type.LOITERING, "gate", 5, "car", "door",
                null, 120, 1000, 30_000, null);
        AnalyticsEvent config = AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_ACCEPTED, "control.yaml", "text",
                1000, "applied");
        CountsRecord counts = new CountsRecord("gate", 60_000, 120_000, "person", 3, 1440,
                List.of(new CountsRecord.LineCount("entry", 2, 1)), List.of(new CountsRecord.ZoneStat("door", 2, 0.75)));

        Map<IndexFamily, List<Document>> documents = Map.of(
                IndexFamily.DETECTIONS, List.of(VigilDocuments.detections("v").build(detections)),
                IndexFamily.TRACKS, List.of(VigilDocuments.tracks("v").build(tracks)),
                IndexFamily.EVENTS, List.of(VigilDocuments.events("v").build(crossing),
                        VigilDocuments.events("v").build(loitering), VigilDocuments.events("v").build(config)),
                IndexFamily.AGGREGATES, List.of(VigilDocuments.aggregates("v").build(counts)));

        documents.forEach((family, familyDocuments) -> {
            JsonNode mapping = properties(settings, family);
            for (Document document : familyDocuments) {
                List<String> unmapped = new ArrayList<>();
                unmappedFields(readTree(document.json()), mapping, "", unmapped);
                assertThat(unmapped).as(family + " document " + document.json()).isEmpty();
            }
        });
    }

    private static void unmappedFields(JsonNode object, JsonNode properties, String path, List<String> unmapped) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode mapping = properties.get(field.getKey());
            if (mapping == null) {
                unmapped.add(path + field.getKey());
                continue;
            }
            JsonNode value = field.getValue();
            for (JsonNode element : value.isArray() ? value : List.of(value)) {
                if (element.isObject()) {
                    unmappedFields(element, mapping.path("properties"), path + field.getKey() + ".", unmapped);
                }
            }
        }
    }

    private static JsonNode properties(ElasticsearchSettings settings, IndexFamily family) {
        return readTree(IndexTemplates.body(settings, family)).at("/template/mappings/properties");
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
