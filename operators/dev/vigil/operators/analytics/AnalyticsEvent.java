package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Locale;
import java.util.Objects;

/**
 * Something that happened on a camera's lines or zones, or to the analytics configuration.
 *
 * @param eventId deterministic: the same input replayed gives the same id, so sinks can drop
 *     duplicates after a restart ({@code camera:type:name:track:sequence} for track events,
 *     {@code config:type:source:hash} for configuration events)
 * @param type what happened
 * @param cameraId camera, null for configuration events
 * @param trackId track, -1 for configuration events
 * @param label the track's class name, null for configuration events
 * @param name the line or zone, null for configuration events
 * @param direction {@code in} or {@code out} for line crossings, else null
 * @param sequence frame sequence the event was decided in, -1 for configuration events
 * @param timestampMillis event time of that frame (processing time for configuration events)
 * @param dwellMillis time in the zone for exits and loitering, else -1
 * @param message details (problems of a rejected configuration, why a track exited), or null
 * @param snapshot where the event's snapshot image is (a path relative to the snapshots folder, or a
 *     URL made from it), or null when the event has none
 */
@TypeInfo(AnalyticsEventTypeInfoFactory.class)
public record AnalyticsEvent(
        String eventId,
        Type type,
        String cameraId,
        long trackId,
        String label,
        String name,
        String direction,
        long sequence,
        long timestampMillis,
        long dwellMillis,
        String message,
        String snapshot) {

    /** Event types; {@link #wireName()} is the name in JSON. */
    public enum Type {
        LINE_CROSSED,
        ZONE_ENTERED,
        ZONE_EXITED,
        LOITERING,
        CONFIG_ACCEPTED,
        CONFIG_REJECTED,
        /** A line or zone lies wholly outside the camera's frames (appended: serializers write the ordinal). */
        GEOMETRY_OUTSIDE_FRAME;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AnalyticsEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
    }

    /** An event about a track on a line or zone. */
    public static AnalyticsEvent track(Type type, String cameraId, long trackId, String label, String name,
            String direction, long sequence, long timestampMillis, long dwellMillis, String message) {
        String id = cameraId + ":" + type.wireName() + ":" + name + ":" + trackId + ":" + sequence;
        return new AnalyticsEvent(id, type, cameraId, trackId, label, name, direction, sequence, timestampMillis,
                dwellMillis, message, null);
    }

    /**
     * A warning that {@code shape} of the camera lies outside its frames, at the first frame of a size
     * (after a start or a settings change).
     */
    public static AnalyticsEvent outsideFrame(String cameraId, String shape, long sequence, long timestampMillis,
            String message) {
        String id = cameraId + ":" + Type.GEOMETRY_OUTSIDE_FRAME.wireName() + ":" + shape + ":-1:" + sequence;
        return new AnalyticsEvent(id, Type.GEOMETRY_OUTSIDE_FRAME, cameraId, -1, null, null, null, sequence,
                timestampMillis, -1, message, null);
    }

    /** A configuration event; its id depends on the source and the configuration text only. */
    public static AnalyticsEvent config(Type type, String source, String text, long timestampMillis, String message) {
        String id = "config:" + type.wireName() + ":" + source + ":" + Integer.toHexString(text.hashCode());
        return new AnalyticsEvent(id, type, null, -1, null, null, null, -1, timestampMillis, -1, message, null);
    }

    /** This event with {@code snapshot} as the place of its snapshot image. */
    public AnalyticsEvent withSnapshot(String snapshot) {
        return new AnalyticsEvent(eventId, type, cameraId, trackId, label, name, direction, sequence, timestampMillis,
                dwellMillis, message, snapshot);
    }
}
