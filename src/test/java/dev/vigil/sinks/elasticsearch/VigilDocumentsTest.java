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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VigilDocumentsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** 2024-03-01T23:59:59.500Z: the index day is the event's UTC day. */
    private static final long LATE_EVENING = 1_709_337_599_500L;

    @Test
    void detectionsGoToTheEventDayWithCameraAndSequenceAsId() throws Exception {
        FrameDetections frame = new FrameDetections("gate", 42, LATE_EVENING, 640, 360, "nanodet-plus-m-320",
                List.of(new Detection(2, "car", 0.9f, 10, 20, 110, 80), new Detection(0, "person", 0.6f, 1, 2, 3, 4),
                        new Detection(2, "car", 0.5f, 5, 6, 7, 8)),
                new FrameDetections.Timing(100, 200, 4, 1, 2, 3));

        Document document = VigilDocuments.detections("vigil").build(frame);

        assertThat(document.index()).isEqualTo("vigil-detections-2024.03.01");
        assertThat(document.id()).isEqualTo("gate:42");
        JsonNode json = MAPPER.readTree(document.json());
        assertThat(json.get("@timestamp").asLong()).isEqualTo(LATE_EVENING);
        assertThat(json.get("camera_id").asText()).isEqualTo("gate");
        assertThat(json.get("detection_count").asInt()).isEqualTo(3);
        assertThat(json.get("labels")).extracting(JsonNode::asText).containsExactly("car", "person");
        JsonNode box = json.at("/detections/0/box");
        assertThat(box.get("x1").floatValue()).isEqualTo(10f);
        assertThat(box.get("y2").floatValue()).isEqualTo(80f);
        assertThat(json.at("/detections/0/score").floatValue()).isEqualTo(0.9f);
        assertThat(json.at("/timing/batch_size").asInt()).isEqualTo(4);
    }

    @Test
    void theSameRecordAlwaysGivesTheSameDocument() {
        FrameDetections frame = new FrameDetections("gate", 7, 1000, 640, 360, "m", List.of(),
                new FrameDetections.Timing(1, 2, 1, 1, 1, 1));

        assertThat(VigilDocuments.detections("p").build(frame)).isEqualTo(VigilDocuments.detections("p").build(frame));
    }

    @Test
    void tracksCarryTrackIdsAsKeywordsAndBoxesAsObjects() throws Exception {
        TrackedFrame frame = new TrackedFrame("gate", 9, 0, 640, 360, List.of(
                new TrackedObject(17, 2, "car", 0.8f, 1, 2, 3, 4, 0.5f, -0.5f, 12, TrackState.CONFIRMED)));

        Document document = VigilDocuments.tracks("x").build(frame);

        assertThat(document.index()).isEqualTo("x-tracks-1970.01.01");
        assertThat(document.id()).isEqualTo("gate:9");
        JsonNode object = MAPPER.readTree(document.json()).at("/objects/0");
        assertThat(object.get("track_id").asText()).isEqualTo("17");
        assertThat(object.get("state").asText()).isEqualTo("confirmed");
        assertThat(object.at("/box/x2").floatValue()).isEqualTo(3f);
    }

    @Test
    void eventsUseTheirDeterministicIdAndLeaveOutWhatTheyLack() throws Exception {
        AnalyticsEvent crossing = AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED, "gate", 5, "car", "entry",
                "in", 120, LATE_EVENING, -1, null);
        AnalyticsEvent config = AnalyticsEvent.config(AnalyticsEvent.Type.CONFIG_ACCEPTED, "control.yaml", "text",
                LATE_EVENING, null);

        Document document = VigilDocuments.events("vigil").build(crossing);
        Document configDocument = VigilDocuments.events("vigil").build(config);

        assertThat(document.id()).isEqualTo(crossing.eventId());
        assertThat(document.index()).isEqualTo("vigil-events-2024.03.01");
        JsonNode json = MAPPER.readTree(document.json());
        assertThat(json.get("type").asText()).isEqualTo("line_crossed");
        assertThat(json.get("track_id").asText()).isEqualTo("5");
        assertThat(json.has("dwell_ms")).isFalse();
        JsonNode configJson = MAPPER.readTree(configDocument.json());
        assertThat(configDocument.id()).isEqualTo(config.eventId());
        assertThat(configJson.has("camera_id")).isFalse();
        assertThat(configJson.has("track_id")).isFalse();
        assertThat(configJson.has("sequence")).isFalse();
    }

    @Test
    void aggregatesAreIdentifiedByCameraWindowAndClass() throws Exception {
        CountsRecord counts = new CountsRecord("gate", 60_000, 120_000, "person", 3, 1440,
                List.of(new CountsRecord.LineCount("entry", 2, 1)), List.of(new CountsRecord.ZoneStat("door", 2, 0.75)));

        Document document = VigilDocuments.aggregates("vigil").build(counts);

        assertThat(document.id()).isEqualTo("gate:60000:person");
        assertThat(document.index()).isEqualTo("vigil-aggregates-1970.01.01");
        JsonNode json = MAPPER.readTree(document.json());
        assertThat(json.get("@timestamp").asLong()).isEqualTo(60_000);
        assertThat(json.get("window_end_ms").asLong()).isEqualTo(120_000);
        assertThat(json.at("/lines/0/in").asLong()).isEqualTo(2);
        assertThat(json.at("/zones/0/avg").asDouble()).isEqualTo(0.75);
    }

    @Test
    void deadLettersHaveOneIndexAndDailyFamiliesAPattern() {
        assertThat(IndexFamily.DEADLETTER.indexName("vigil", LATE_EVENING)).isEqualTo("vigil-deadletter");
        assertThat(IndexFamily.DEADLETTER.indexPattern("vigil")).isEqualTo("vigil-deadletter");
        assertThat(IndexFamily.TRACKS.indexPattern("vigil")).isEqualTo("vigil-tracks-*");
        assertThat(IndexFamily.ofId(" Events ")).isEqualTo(IndexFamily.EVENTS);
    }
}
