package dev.vigil.operators.track;

import dev.vigil.models.Detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * ByteTrack-style multi-object tracker for one camera (Zhang et al., "ByteTrack: Multi-Object
 * Tracking by Associating Every Detection Box", ECCV 2022), in plain Java.
 *
 * <p>Per frame:
 * <ol>
 *   <li>every track is predicted forward with the {@link KalmanBoxFilter}, once per frame elapsed
 *       since the last call (frames missing from the stream count as time passing; a lost track's
 *       height velocity is zeroed first, as ByteTrack does);
 *   <li>high-score detections are matched to all confirmed and lost tracks (optimal assignment,
 *       {@link Assignment}, on {@code 1 - IoU·score});
 *   <li>low-score detections are matched to the confirmed tracks still unmatched
 *       ({@code 1 - IoU}); confirmed tracks left unmatched become LOST;
 *   <li>the remaining high detections are matched to tentative tracks, which are confirmed after
 *       {@link TrackerSettings#minConfirmHits()} hits or dropped on their first miss;
 *   <li>remaining detections scoring at least {@link TrackerSettings#newTrackThreshold()} start
 *       tentative tracks; lost tracks older than the buffer are removed; duplicates between
 *       tracked and lost tracks are resolved in favour of the older track.
 * </ol>
 *
 * <p>Not thread-safe. The state lives in a {@link TrackerState} so that it can be checkpointed.
 */
public final class ByteTracker {

    private final TrackerSettings settings;
    private final TrackerState state;

    public ByteTracker(TrackerSettings settings) {
        this(settings, new TrackerState());
    }

    public ByteTracker(TrackerSettings settings, TrackerState state) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.state = Objects.requireNonNull(state, "state");
    }

    public TrackerState state() {
        return state;
    }

    /**
     * Advances the tracker to {@code frame} and associates its detections.
     *
     * @param frame the frame's sequence number; must be greater than the previous one
     * @param detections the frame's detections (any order)
     * @return the tracks to report for this frame (per the emit settings), by ascending id
     */
    /**
     * Class-agnostic tracking sees one object even when the detector reports it under two classes
     * (a pickup as both car and truck; its NMS is per class): of boxes overlapping by at least
     * {@code duplicateIou}, only the highest-scoring one is kept, whatever its class.
     */
    private List<Detection> withoutCrossClassDuplicates(List<Detection> detections) {
        List<Detection> byScore = new ArrayList<>(detections);
        byScore.sort((a, b) -> Float.compare(b.score(), a.score()));
        List<Detection> kept = new ArrayList<>(byScore.size());
        for (Detection d : byScore) {
            boolean duplicate = false;
            for (Detection k : kept) {
                if (k.classId() != d.classId() && iou(box(k), box(d)) >= settings.duplicateIou()) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static double[] box(Detection d) {
        return new double[] {d.x1(), d.y1(), d.x2(), d.y2()};
    }

    public List<TrackedObject> update(long frame, List<Detection> detections) {
        if (state.lastFrame != TrackerState.NO_FRAME && frame <= state.lastFrame) {
            throw new IllegalArgumentException("frame " + frame + " is not after the last frame " + state.lastFrame);
        }
        boolean firstFrame = state.lastFrame == TrackerState.NO_FRAME;
        long elapsed = firstFrame ? 0 : Math.min(frame - state.lastFrame, settings.trackBufferFrames() + 1L);
        for (Track t : state.tracks) {
            if (t.state == TrackState.LOST) {
                t.mean[7] = 0;
            }
            for (long i = 0; i < elapsed; i++) {
                KalmanBoxFilter.predict(t.mean, t.cov);
            }
        }

        List<Detection> high = new ArrayList<>();
        List<Detection> low = new ArrayList<>();
        for (Detection d : settings.classAware() ? detections : withoutCrossClassDuplicates(detections)) {
            if (d.score() >= settings.highScoreThreshold()) {
                high.add(d);
            } else if (d.score() > settings.lowScoreThreshold()) {
                low.add(d);
            }
        }

        List<Track> pool = new ArrayList<>();
        List<Track> tentative = new ArrayList<>();
        for (Track t : state.tracks) {
            (t.state == TrackState.TENTATIVE ? tentative : pool).add(t);
        }

        // 1. High-score detections against confirmed and lost tracks.
        boolean[] highUsed = new boolean[high.size()];
        boolean[] poolMatched = new boolean[pool.size()];
        int[] m1 = Assignment.solve(costs(pool, high, settings.fuseScore()), settings.matchCostThreshold());
        for (int i = 0; i < pool.size(); i++) {
            if (m1[i] >= 0) {
                Track t = pool.get(i);
                correct(t, high.get(m1[i]), frame);
                t.state = TrackState.CONFIRMED;
                highUsed[m1[i]] = true;
                poolMatched[i] = true;
            }
        }

        // 2. Low-score detections against the confirmed tracks still unmatched.
        List<Track> remaining = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!poolMatched[i] && pool.get(i).state == TrackState.CONFIRMED) {
                remaining.add(pool.get(i));
            }
        }
        int[] m2 = Assignment.solve(costs(remaining, low, false), settings.lowMatchCostThreshold());
        for (int i = 0; i < remaining.size(); i++) {
            Track t = remaining.get(i);
            if (m2[i] >= 0) {
                correct(t, low.get(m2[i]), frame);
            } else {
                t.state = TrackState.LOST;
            }
        }

        // 3. Leftover high detections against tentative tracks.
        List<Detection> leftover = new ArrayList<>();
        for (int j = 0; j < high.size(); j++) {
            if (!highUsed[j]) {
                leftover.add(high.get(j));
            }
        }
        boolean[] leftoverUsed = new boolean[leftover.size()];
        int[] m3 = Assignment.solve(costs(tentative, leftover, settings.fuseScore()),
                settings.tentativeMatchCostThreshold());
        List<Track> dropped = new ArrayList<>();
        for (int i = 0; i < tentative.size(); i++) {
            Track t = tentative.get(i);
            if (m3[i] >= 0) {
                correct(t, leftover.get(m3[i]), frame);
                leftoverUsed[m3[i]] = true;
                if (t.hits >= settings.minConfirmHits()) {
                    t.state = TrackState.CONFIRMED;
                }
            } else {
                dropped.add(t);
            }
        }
        state.tracks.removeAll(dropped);

        // 4. New tracks.
        for (int j = 0; j < leftover.size(); j++) {
            Detection d = leftover.get(j);
            if (!leftoverUsed[j] && d.score() >= settings.newTrackThreshold()) {
                Track t = new Track();
                t.id = state.nextId++;
                t.classId = d.classId();
                t.label = d.label();
                t.score = d.score();
                KalmanBoxFilter.initiate(KalmanBoxFilter.toMeasurement(d.x1(), d.y1(), d.x2(), d.y2()), t.mean, t.cov);
                t.hits = 1;
                t.startFrame = frame;
                t.lastMatchFrame = frame;
                t.state = firstFrame || settings.minConfirmHits() <= 1 ? TrackState.CONFIRMED : TrackState.TENTATIVE;
                state.tracks.add(t);
            }
        }

        // 5. Expire lost tracks, then drop duplicates between tracked and lost ones.
        state.tracks.removeIf(t -> t.state == TrackState.LOST && frame - t.lastMatchFrame > settings.trackBufferFrames());
        removeDuplicates(frame);
        state.lastFrame = frame;
        return report(frame);
    }

    private void correct(Track t, Detection d, long frame) {
        KalmanBoxFilter.update(t.mean, t.cov, KalmanBoxFilter.toMeasurement(d.x1(), d.y1(), d.x2(), d.y2()));
        t.score = d.score();
        t.classId = d.classId();
        t.label = d.label();
        t.lastMatchFrame = frame;
        t.hits++;
    }

    private void removeDuplicates(long frame) {
        List<Track> tracked = new ArrayList<>();
        List<Track> lost = new ArrayList<>();
        for (Track t : state.tracks) {
            if (t.state == TrackState.CONFIRMED) {
                tracked.add(t);
            } else if (t.state == TrackState.LOST) {
                lost.add(t);
            }
        }
        List<Track> duplicates = new ArrayList<>();
        for (Track p : tracked) {
            double[] pb = p.box();
            for (Track q : lost) {
                if (iou(pb, q.box()) >= settings.duplicateIou()) {
                    long ageP = frame - p.startFrame;
                    long ageQ = frame - q.startFrame;
                    duplicates.add(ageP > ageQ ? q : p);
                }
            }
        }
        state.tracks.removeAll(duplicates);
    }

    private List<TrackedObject> report(long frame) {
        List<TrackedObject> out = new ArrayList<>();
        for (Track t : state.tracks) {
            boolean emit = t.state == TrackState.CONFIRMED
                    || (t.state == TrackState.TENTATIVE && settings.emitTentative())
                    || (t.state == TrackState.LOST && settings.emitLost());
            if (emit) {
                double[] b = t.box();
                out.add(new TrackedObject(t.id, t.classId, t.label, t.score,
                        (float) b[0], (float) b[1], (float) b[2], (float) b[3],
                        (float) t.mean[4], (float) t.mean[5], frame - t.startFrame, t.state));
            }
        }
        out.sort(Comparator.comparingLong(TrackedObject::trackId));
        return out;
    }

    private double[][] costs(List<Track> tracks, List<Detection> dets, boolean fuse) {
        double[][] cost = new double[tracks.size()][dets.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            double[] tb = t.box();
            for (int j = 0; j < dets.size(); j++) {
                Detection d = dets.get(j);
                if (settings.classAware() && d.classId() != t.classId) {
                    cost[i][j] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double iou = iou(tb, box(d));
                cost[i][j] = 1 - (fuse ? iou * d.score() : iou);
            }
        }
        return cost;
    }

    /** Intersection over union of two {x1, y1, x2, y2} boxes; 0 for empty boxes. */
    public static double iou(double[] a, double[] b) {
        double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
