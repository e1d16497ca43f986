package dev.vigil.sinks.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

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
}
