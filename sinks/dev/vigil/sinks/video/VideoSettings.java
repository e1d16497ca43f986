package dev.vigil.sinks.video;

import dev.vigil.operators.analytics.AnalyticsSettings;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the annotated video is written.
 *
 * @param dir the folder of the videos
 * @param bounded whether the input ends (video files): one file per camera, {@code <dir>/<camera>.mp4};
 *     else segments {@code <dir>/<camera>/<camera>-<start>.mp4} of {@code segment} each
 * @param segment the length of a live segment (event time)
 * @param maxSegments a live camera keeps at most this many segments (0: no limit)
 * @param maxBytes a live camera's segments take at most this many bytes (0: no limit)
 * @param scale size of the pictures against the source frames
 * @param draw what is drawn
 * @param geometry the lines and zones drawn
 */
public record VideoSettings(String dir, boolean bounded, Duration segment, int maxSegments, long maxBytes,
        double scale, DrawOptions draw, AnalyticsSettings geometry) implements Serializable {

    public VideoSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(draw, "draw");
        Objects.requireNonNull(geometry, "geometry");
        if (segment.toMillis() < 1000) {
            throw new IllegalArgumentException("segment must be at least 1 s, got " + segment);
        }
    }
}
