package dev.vigil.operators.analytics;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which analytics events get a snapshot image, at most how many per camera and minute of event time,
 * and how an event names it. The decision is taken in the analytics operator, in keyed state, so a
 * replay after a restore decides the same and every output of the event (files, Kafka, Elasticsearch)
 * carries the same {@link AnalyticsEvent#snapshot()}.
 *
 * @param types event types that get a snapshot
 * @param maxPerMinute at most this many snapshots per camera in each minute of event time; 0 = no limit
 * @param urlTemplate null to name snapshots by their path relative to the snapshots folder, or a text in
 *     which {@code {path}} stands for that path (e.g. {@code https://nvr.example/snapshots/{path}})
 */
public record SnapshotPolicy(Set<AnalyticsEvent.Type> types, int maxPerMinute, String urlTemplate)
        implements Serializable {

    /** What {@link #urlTemplate} replaces by the snapshot's relative path. */
    public static final String PATH_PLACEHOLDER = "{path}";

    /** The event types that concern one track, and so can have a snapshot. */
    public static final Set<AnalyticsEvent.Type> TRACK_EVENTS = EnumSet.of(AnalyticsEvent.Type.LINE_CROSSED,
            AnalyticsEvent.Type.ZONE_ENTERED, AnalyticsEvent.Type.ZONE_EXITED, AnalyticsEvent.Type.LOITERING);

    public SnapshotPolicy {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        if (!TRACK_EVENTS.containsAll(types)) {
            throw new IllegalArgumentException("only track events can have snapshots, not " + types);
        }
        if (maxPerMinute < 0) {
            throw new IllegalArgumentException("maxPerMinute must be 0 (no limit) or more, got " + maxPerMinute);
        }
    }

    /** Whether {@code event}'s type gets a snapshot (before the rate limit). */
    public boolean wants(AnalyticsEvent event) {
        return types.contains(event.type()) && event.cameraId() != null;
    }

    /**
     * The snapshot's path relative to the snapshots folder: {@code <camera>/<event id>.jpg}, with every
     * character outside {@code [A-Za-z0-9._-]} of either part written as {@code _}, so the name is the
     * same on every file system and in a URL.
     */
    public static String relativePath(AnalyticsEvent event) {
        return safe(Objects.requireNonNull(event.cameraId(), "cameraId")) + "/" + safe(event.eventId()) + ".jpg";
    }

    /** What the event's {@code snapshot} field says: the relative path, or the URL made of it. */
    public String reference(AnalyticsEvent event) {
        String path = relativePath(event);
        return urlTemplate == null ? path : urlTemplate.replace(PATH_PLACEHOLDER, path);
    }

    public static String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        String s = b.toString();
        // A name of dots only would mean this or the parent folder.
        return s.chars().allMatch(ch -> ch == '.') ? s.replace('.', '_') : s;
    }
}
