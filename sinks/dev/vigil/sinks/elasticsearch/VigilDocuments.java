package dev.vigil.sinks.elasticsearch;

import dev.vigil.models.Detection;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;
import dev.vigil.sinks.AnalyticsEventJson;
import dev.vigil.sinks.BoxShape;
import dev.vigil.sinks.CountsRecordJson;
import dev.vigil.sinks.FrameDetectionsJson;
import dev.vigil.sinks.Json;
import dev.vigil.sinks.TrackedFrameJson;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Elasticsearch documents of Vigil's result streams, one builder per record type. A document
 * holds the record's JSON Lines fields, written by the same code as the JSON Lines outputs (same
 * names, same shapes, without {@code format}), except that boxes are {@code {x1, y1, x2, y2}}
 * objects; on top come {@code @timestamp} (event time) and, per frame, a {@code labels} list and an
 * object count for cheap filtering. The mappings are in the {@code *.template.json} files beside
 * this class.
 *
 * <p>Ids are deterministic, so a replay overwrites instead of duplicating: {@code camera:sequence}
 * for detections and tracks, the event's own id for events, {@code camera:window-start:label} for
 * aggregates (a windowed count is per camera, window and class).
 */
public final class VigilDocuments {

    private VigilDocuments() {}

    /** One document per frame with its detections, in {@code <prefix>-detections-<day>}. */
    public static DocumentBuilder<FrameDetections> detections(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.DETECTIONS.indexName(prefix, r.timestampMillis()),
                frameId(r.cameraId(), r.sequence()), document(r.timestampMillis(), g -> {
                    FrameDetectionsJson.writeFields(r, g, BoxShape.OBJECT);
                    g.writeNumberField("detection_count", r.detections().size());
                    labels(g, r.detections().stream().map(Detection::label).toList());
                }));
    }

    /** One document per tracked frame, in {@code <prefix>-tracks-<day>}. */
    public static DocumentBuilder<TrackedFrame> tracks(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.TRACKS.indexName(prefix, r.timestampMillis()),
                frameId(r.cameraId(), r.sequence()), document(r.timestampMillis(), g -> {
                    TrackedFrameJson.writeFields(r, g, BoxShape.OBJECT);
                    g.writeNumberField("object_count", r.objects().size());
                    labels(g, r.objects().stream().map(TrackedObject::label).toList());
                }));
    }

    /** One document per analytics event, id = the event's deterministic id, in {@code <prefix>-events-<day>}. */
    public static DocumentBuilder<AnalyticsEvent> events(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return e -> new Document(IndexFamily.EVENTS.indexName(prefix, e.timestampMillis()), e.eventId(),
                document(e.timestampMillis(), g -> AnalyticsEventJson.writeFields(e, g)));
    }

    /** One document per camera, window and class, in {@code <prefix>-aggregates-<day of window start>}. */
    public static DocumentBuilder<CountsRecord> aggregates(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.AGGREGATES.indexName(prefix, r.windowStart()),
                r.cameraId() + ":" + r.windowStart() + ":" + r.label(),
                document(r.windowStart(), g -> CountsRecordJson.writeFields(r, g)));
    }

    /** The id of a per-frame document. */
    static String frameId(String cameraId, long sequence) {
        return cameraId + ":" + sequence;
    }

    /** A document: {@code @timestamp} first, then the fields. */
    private static String document(long timestampMillis, Json.Body fields) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("@timestamp", timestampMillis);
            fields.writeTo(g);
            g.writeEndObject();
        });
    }

    /** The distinct class names in a frame, sorted. */
    private static void labels(JsonGenerator g, Collection<String> labels) throws IOException {
        g.writeArrayFieldStart("labels");
        for (String label : new TreeSet<>(labels)) {
            g.writeString(label);
        }
        g.writeEndArray();
    }
}
