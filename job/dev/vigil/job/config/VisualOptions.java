package dev.vigil.job.config;

import java.time.Duration;
import java.util.List;

/** Options of the annotated video ({@code output.annotated*}) and the event snapshots ({@code output.snapshots*}). */
public final class VisualOptions {

    private VisualOptions() {}

    /** Names of what the annotated video can show ({@code output.annotated.draw}). */
    public static final List<String> DRAW_ELEMENTS = List.of("boxes", "labels", "trails", "lines", "zones", "header");

    /** Event types that can have snapshots ({@code output.snapshots.events}). */
    public static final List<String> SNAPSHOT_EVENTS = List.of("line_crossed", "zone_entered", "zone_exited",
            "loitering");

    public static final ConfigOption<String> ANNOTATED_DIR = ConfigOption.of(
            "output.annotated-dir", ValueType.string(), null,
            "Folder for annotated H.264 MP4 video per camera (detections or tracks, trails, lines and zones with "
                    + "their counts, a header): <camera>.mp4 for a video file, segments <camera>/<camera>-<start>.mp4 "
                    + "for live inputs. Not made when unset.");
    public static final ConfigOption<List<String>> ANNOTATED_CAMERAS = ConfigOption.of(
            "output.annotated.cameras", ValueType.stringList(), null,
            "Cameras of the annotated video and the snapshots; default: every camera.");
    public static final ConfigOption<Double> ANNOTATED_SCALE = ConfigOption.of(
            "output.annotated.scale", ValueType.decimal(0, 1), 1.0,
            "Size of the annotated video against the source frames, above 0 and at most 1 (0.5: half width and height).");
    public static final ConfigOption<Long> ANNOTATED_STRIDE = ConfigOption.of(
            "output.annotated.stride", ValueType.integer(1, 10_000), 1L,
            "The annotated video shows every Nth frame of the stream (by sequence).");
    public static final ConfigOption<List<String>> ANNOTATED_DRAW = ConfigOption.of(
            "output.annotated.draw", ValueType.stringList(), DRAW_ELEMENTS,
            "What the annotated video shows, any of " + String.join(", ", DRAW_ELEMENTS) + ".");
    public static final ConfigOption<Duration> ANNOTATED_SEGMENT = ConfigOption.of(
            "output.annotated.segment", ValueType.positiveDuration(), Duration.ofSeconds(60),
            "Length of a live camera's video segment (event time); segments are also closed at checkpoints. At least 1 s.");
    public static final ConfigOption<Long> ANNOTATED_MAX_SEGMENTS = ConfigOption.of(
            "output.annotated.max-segments", ValueType.integer(0, Integer.MAX_VALUE), 60L,
            "A live camera keeps at most this many segments, the oldest deleted first; 0 = no limit.");
    public static final ConfigOption<Long> ANNOTATED_MAX_BYTES = ConfigOption.of(
            "output.annotated.max-bytes", ValueType.bytes(0, Long.MAX_VALUE), 1L << 30,
            "A live camera's segments take at most this many bytes (e.g. 1 GiB), the oldest deleted first; 0 = no limit.");

    public static final ConfigOption<String> SNAPSHOTS_DIR = ConfigOption.of(
            "output.snapshots-dir", ValueType.string(), null,
            "Folder for a JPEG per analytics event (needs analytics): <camera>/<event id>.jpg, the frame with the "
                    + "event's track highlighted; the event's snapshot field names it. Not written when unset.");
    public static final ConfigOption<List<String>> SNAPSHOTS_EVENTS = ConfigOption.of(
            "output.snapshots.events", ValueType.stringList(), List.of("line_crossed", "zone_entered", "loitering"),
            "Event types that get a snapshot, any of " + String.join(", ", SNAPSHOT_EVENTS) + ".");
    public static final ConfigOption<Boolean> SNAPSHOTS_CROP = ConfigOption.of(
            "output.snapshots.crop", ValueType.bool(), false,
            "Cut each snapshot to the track's box and a margin instead of the whole frame.");
    public static final ConfigOption<Long> SNAPSHOTS_QUALITY = ConfigOption.of(
            "output.snapshots.quality", ValueType.integer(1, 100), 85L, "JPEG quality of the snapshots.");
    public static final ConfigOption<Long> SNAPSHOTS_MAX_PER_MINUTE = ConfigOption.of(
            "output.snapshots.max-per-minute", ValueType.integer(0, 1_000_000), 30L,
            "At most this many snapshots per camera and minute of event time for live inputs (RTSP, Kafka); "
                    + "events beyond it have no snapshot field. 0 = no limit. Video files have no limit unless this is given.");
    public static final ConfigOption<Long> SNAPSHOTS_MAX_BYTES = ConfigOption.of(
            "output.snapshots.max-bytes", ValueType.bytes(0, Long.MAX_VALUE), 512L << 20,
            "A live camera's snapshots take at most this many bytes, the oldest deleted first; 0 = no limit. "
                    + "Video files have no limit unless this is given.");
    public static final ConfigOption<String> SNAPSHOTS_URL_TEMPLATE = ConfigOption.of(
            "output.snapshots.url-template", ValueType.string(), null,
            "What the events' snapshot field says: by default the path relative to output.snapshots-dir; with a "
                    + "template, that text with {path} replaced by the path (e.g. https://nvr.example/snapshots/{path}).");

    /** All options, in the order help lists them. */
    public static List<ConfigOption<?>> all() {
        return List.of(ANNOTATED_DIR, ANNOTATED_CAMERAS, ANNOTATED_SCALE, ANNOTATED_STRIDE, ANNOTATED_DRAW,
                ANNOTATED_SEGMENT, ANNOTATED_MAX_SEGMENTS, ANNOTATED_MAX_BYTES, SNAPSHOTS_DIR, SNAPSHOTS_EVENTS,
                SNAPSHOTS_CROP, SNAPSHOTS_QUALITY, SNAPSHOTS_MAX_PER_MINUTE, SNAPSHOTS_MAX_BYTES, SNAPSHOTS_URL_TEMPLATE);
    }
}
