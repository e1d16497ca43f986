package dev.vigil.sinks.elasticsearch;

import dev.vigil.models.Detection;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Elasticsearch documents of Vigil's result streams, one builder per record type. Field names
 * follow the JSON Lines outputs (snake case) with {@code @timestamp} for event time, boxes as
 * {@code {x1, y1, x2, y2}} objects and a {@code labels} list per frame for cheap filtering; the
 * mappings are in the {@code *.template.json} files beside this class.
 *
 * <p>Ids are deterministic, so a replay overwrites instead of duplicating: {@code camera:sequence}
 * for detections and tracks, the event's own id for events, {@code camera:window-start:label} for
 * aggregates (a windowed count is per camera, window and class).
 */
public final class VigilDocuments {

    private static final JsonFactory FACTORY = new JsonFactory();

    private VigilDocuments() {}

    /** One document per frame with its detections, in {@code <prefix>-detections-<day>}. */
    public static DocumentBuilder<FrameDetections> detections(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.DETECTIONS.indexName(prefix, r.timestampMillis()),
                frameId(r.cameraId(), r.sequence()), json(g -> {
                    startFrame(g, r.cameraId(), r.sequence(), r.timestampMillis(), r.width(), r.height());
                    g.writeStringField("model", r.model());
                    g.writeNumberField("detection_count", r.detections().size());
                    labels(g, r.detections().stream().map(Detection::label).toList());
                    g.writeArrayFieldStart("detections");
                    for (Detection d : r.detections()) {
                        g.writeStartObject();
                        object(g, d.classId(), d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    FrameDetections.Timing t = r.timing();
                    g.writeObjectFieldStart("timing");
                    g.writeNumberField("ingest_time", t.ingestTimeMillis());
                    g.writeNumberField("detected_at", t.detectedAtMillis());
                    g.writeNumberField("batch_size", t.batchSize());
                    g.writeNumberField("preprocess_us", t.preprocessMicros());
                    g.writeNumberField("inference_us", t.inferenceMicros());
                    g.writeNumberField("postprocess_us", t.postprocessMicros());
                    g.writeEndObject();
                }));
    }

    /** One document per tracked frame, in {@code <prefix>-tracks-<day>}. */
    public static DocumentBuilder<TrackedFrame> tracks(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.TRACKS.indexName(prefix, r.timestampMillis()),
                frameId(r.cameraId(), r.sequence()), json(g -> {
                    startFrame(g, r.cameraId(), r.sequence(), r.timestampMillis(), r.width(), r.height());
                    g.writeNumberField("object_count", r.objects().size());
                    labels(g, r.objects().stream().map(TrackedObject::label).toList());
                    g.writeArrayFieldStart("objects");
                    for (TrackedObject o : r.objects()) {
                        g.writeStartObject();
                        g.writeStringField("track_id", Long.toString(o.trackId()));
                        object(g, o.classId(), o.label(), o.score(), o.x1(), o.y1(), o.x2(), o.y2());
                        g.writeNumberField("vx", o.vx());
                        g.writeNumberField("vy", o.vy());
                        g.writeNumberField("age_frames", o.ageFrames());
                        g.writeStringField("state", o.state().name().toLowerCase(java.util.Locale.ROOT));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
    }

    /** One document per analytics event, id = the event's deterministic id, in {@code <prefix>-events-<day>}. */
    public static DocumentBuilder<AnalyticsEvent> events(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return e -> new Document(IndexFamily.EVENTS.indexName(prefix, e.timestampMillis()), e.eventId(), json(g -> {
            g.writeStartObject();
            g.writeNumberField("@timestamp", e.timestampMillis());
            g.writeStringField("event_id", e.eventId());
            g.writeStringField("type", e.type().wireName());
            optionalString(g, "camera_id", e.cameraId());
            if (e.trackId() >= 0) {
                g.writeStringField("track_id", Long.toString(e.trackId()));
            }
            optionalString(g, "label", e.label());
            optionalString(g, "name", e.name());
            optionalString(g, "direction", e.direction());
            if (e.sequence() >= 0) {
                g.writeNumberField("sequence", e.sequence());
            }
            if (e.dwellMillis() >= 0) {
                g.writeNumberField("dwell_ms", e.dwellMillis());
            }
            optionalString(g, "message", e.message());
        }));
    }

    /** One document per camera, window and class, in {@code <prefix>-aggregates-<day of window start>}. */
    public static DocumentBuilder<CountsRecord> aggregates(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return r -> new Document(IndexFamily.AGGREGATES.indexName(prefix, r.windowStart()),
                r.cameraId() + ":" + r.windowStart() + ":" + r.label(), json(g -> {
                    g.writeStartObject();
                    g.writeNumberField("@timestamp", r.windowStart());
                    g.writeStringField("camera_id", r.cameraId());
                    g.writeNumberField("window_start", r.windowStart());
                    g.writeNumberField("window_end", r.windowEnd());
                    g.writeStringField("label", r.label());
                    g.writeNumberField("distinct_tracks", r.distinctTracks());
                    g.writeNumberField("frames", r.frames());
                    g.writeArrayFieldStart("lines");
                    for (CountsRecord.LineCount l : r.lines()) {
                        g.writeStartObject();
                        g.writeStringField("line", l.line());
                        g.writeNumberField("in", l.in());
                        g.writeNumberField("out", l.out());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("zones");
                    for (CountsRecord.ZoneStat z : r.zones()) {
                        g.writeStartObject();
                        g.writeStringField("zone", z.zone());
                        g.writeNumberField("max", z.max());
                        g.writeNumberField("avg", z.avg());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }));
    }

    /** The id of a per-frame document. */
    static String frameId(String cameraId, long sequence) {
        return cameraId + ":" + sequence;
    }

    private interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Writes the body and closes the object it opened. */
    private static String json(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.writeTo(g);
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; anything here is a bug in a builder.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void startFrame(JsonGenerator g, String cameraId, long sequence, long timestampMillis, int width,
            int height) throws IOException {
        g.writeStartObject();
        g.writeNumberField("@timestamp", timestampMillis);
        g.writeStringField("camera_id", cameraId);
        g.writeNumberField("sequence", sequence);
        g.writeNumberField("width", width);
        g.writeNumberField("height", height);
    }

    /** The distinct class names in a frame, sorted. */
    private static void labels(JsonGenerator g, Collection<String> labels) throws IOException {
        g.writeArrayFieldStart("labels");
        for (String label : new TreeSet<>(labels)) {
            g.writeString(label);
        }
        g.writeEndArray();
    }

    private static void object(JsonGenerator g, int classId, String label, float score, float x1, float y1, float x2,
            float y2) throws IOException {
        g.writeNumberField("class_id", classId);
        g.writeStringField("label", label);
        g.writeNumberField("score", score);
        g.writeObjectFieldStart("box");
        g.writeNumberField("x1", x1);
        g.writeNumberField("y1", y1);
        g.writeNumberField("x2", x2);
        g.writeNumberField("y2", y2);
        g.writeEndObject();
    }

    private static void optionalString(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
