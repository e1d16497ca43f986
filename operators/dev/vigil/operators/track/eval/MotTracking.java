package dev.vigil.operators.track.eval;

import dev.vigil.models.Detection;
import dev.vigil.operators.track.ByteTracker;
import dev.vigil.operators.track.TrackedObject;
import dev.vigil.operators.track.TrackerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Runs the {@link ByteTracker} over MOTChallenge detections, frame by frame. */
public final class MotTracking {

    private MotTracking() {}

    /**
     * Min-max range of the detection confidences, used to bring detectors whose scores are not
     * probabilities (e.g. DPM in MOT17) into [0, 1].
     */
    public record ScoreRange(double min, double max) {
        public static ScoreRange of(List<MotBox> dets) {
            double min = dets.stream().mapToDouble(MotBox::conf).min().orElse(0);
            double max = dets.stream().mapToDouble(MotBox::conf).max().orElse(1);
            return new ScoreRange(min, max);
        }

        public boolean isProbability() {
            return min >= 0 && max <= 1;
        }

        public float normalise(double score) {
            if (isProbability()) {
                return (float) score;
            }
            return max > min ? (float) ((score - min) / (max - min)) : 1f;
        }
    }

    /**
     * Tracks the detections of frames 1..{@code frames} (frames without detections included) and
     * returns the confirmed tracks of every frame as MOTChallenge rows; frames are
     * {@link TrackerSettings#DEFAULT_FRAME_RATE} apart unless the settings give a rate.
     */
    public static List<MotBox> run(List<MotBox> detections, int frames, TrackerSettings settings) {
        return run(detections, frames, settings, settings.frameRate() > 0 ? settings.frameRate()
                : TrackerSettings.DEFAULT_FRAME_RATE, CameraShifts.NONE);
    }

    /** The camera's motion between consecutive frames of a sequence. */
    @FunctionalInterface
    public interface CameraShifts {
        /** No motion known. */
        CameraShifts NONE = frame -> null;

        /**
         * How far the image content moved from frame {@code frame - 1} to {@code frame}, {dx, dy} in pixels,
         * or null when unknown.
         */
        double[] shift(int frame);
    }

    /**
     * Tracks the detections of frames 1..{@code frames} of a sequence recorded at {@code fps} (each frame gets
     * the event time its number gives at that rate), moving the tracks by {@code shifts} before each frame.
     */
    public static List<MotBox> run(List<MotBox> detections, int frames, TrackerSettings settings, double fps,
            CameraShifts shifts) {
        ScoreRange range = ScoreRange.of(detections);
        TreeMap<Integer, List<Detection>> byFrame = new TreeMap<>();
        for (MotBox d : detections) {
            byFrame.computeIfAbsent(d.frame(), f -> new ArrayList<>()).add(new Detection(0, "person",
                    range.normalise(d.conf()), (float) d.x(), (float) d.y(), (float) (d.x() + d.w()),
                    (float) (d.y() + d.h())));
        }
        int last = Math.max(frames, byFrame.isEmpty() ? 0 : byFrame.lastKey());
        ByteTracker tracker = new ByteTracker(settings);
        List<MotBox> out = new ArrayList<>();
        for (int frame = 1; frame <= last; frame++) {
            double[] shift = frame > 1 ? shifts.shift(frame) : null;
            long time = Math.round((frame - 1) * 1000.0 / fps);
            List<TrackedObject> objects = tracker.update(frame, time, byFrame.getOrDefault(frame, List.of()),
                    shift == null ? 0 : shift[0], shift == null ? 0 : shift[1]);
            for (TrackedObject o : objects) {
                out.add(new MotBox(frame, (int) o.trackId(), o.x1(), o.y1(), o.width(), o.height(), 1, 1, -1));
            }
        }
        return out;
    }

    /**
     * The rows of every {@code n}th frame (1, 1 + n, 1 + 2n, ...), renumbered 1, 2, 3, ... as a camera running
     * at 1/n of the rate would number them.
     */
    public static List<MotBox> everyNth(List<MotBox> rows, int n) {
        if (n <= 1) {
            return rows;
        }
        List<MotBox> kept = new ArrayList<>();
        for (MotBox b : rows) {
            if ((b.frame() - 1) % n == 0) {
                kept.add(new MotBox((b.frame() - 1) / n + 1, b.id(), b.x(), b.y(), b.w(), b.h(), b.conf(), b.classId(),
                        b.visibility()));
            }
        }
        return kept;
    }
}
