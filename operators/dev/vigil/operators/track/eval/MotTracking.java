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
     * returns the confirmed tracks of every frame as MOTChallenge rows.
     */
    public static List<MotBox> run(List<MotBox> detections, int frames, TrackerSettings settings) {
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
            for (TrackedObject o : tracker.update(frame, byFrame.getOrDefault(frame, List.of()))) {
                out.add(new MotBox(frame, (int) o.trackId(), o.x1(), o.y1(), o.width(), o.height(), 1, 1, -1));
            }
        }
        return out;
    }
}
