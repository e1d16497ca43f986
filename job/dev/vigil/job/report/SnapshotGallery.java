package dev.vigil.job.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events that name a snapshot, per camera in the order the events file has them (event time within
 * a camera), up to a number per camera; the rest are counted.
 */
final class SnapshotGallery {

    /** One event with its snapshot. */
    record Snapshot(String camera, long timestampMillis, long sequence, String type, String label, long trackId,
            String place, String direction, String snapshot) {

        /** What the snapshot shows, in a few words: {@code line_crossed crossing in · car #3}. */
        String caption() {
            StringBuilder text = new StringBuilder(type);
            if (!place.isEmpty()) {
                text.append(' ').append(place);
            }
            if (!direction.isEmpty()) {
                text.append(' ').append(direction);
            }
            if (!label.isEmpty()) {
                text.append(" · ").append(label).append(" #").append(trackId);
            }
            return text.toString();
        }

        /** Whether the snapshot field is a URL (output.snapshots.url-template) rather than a path. */
        boolean isUrl() {
            return snapshot.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        }
    }

    private final int perCamera;
    private final Map<String, List<Snapshot>> shown = new TreeMap<>();
    private final Map<String, Long> left = new TreeMap<>();

    SnapshotGallery(int perCamera) {
        this.perCamera = perCamera;
    }

    void accept(JsonNode event) {
        String snapshot = event.path("snapshot").asText("");
        if (snapshot.isEmpty()) {
            return;
        }
        String camera = event.path("camera_id").asText();
        List<Snapshot> list = shown.computeIfAbsent(camera, c -> new ArrayList<>());
        if (list.size() >= perCamera) {
            left.merge(camera, 1L, Long::sum);
            return;
        }
        list.add(new Snapshot(camera, event.path("timestamp_ms").asLong(), event.path("sequence").asLong(),
                event.path("type").asText(), event.path("label").asText(""), event.path("track_id").asLong(),
                event.has("line") ? event.path("line").asText() : event.path("zone").asText(""),
                event.path("direction").asText(""), snapshot));
    }

    Set<String> cameras() {
        return shown.keySet();
    }

    List<Snapshot> shown(String camera) {
        return shown.getOrDefault(camera, List.of());
    }

    /** Snapshots of {@code camera} beyond the number shown. */
    long notShown(String camera) {
        return left.getOrDefault(camera, 0L);
    }
}
