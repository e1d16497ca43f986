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
 *       height velocity is zeroed first, as ByteTrack does), then moved by the camera's motion
 *       since the previous frame when it is given (as BoT-SORT's camera-motion compensation, for a
 *       translation);
 *   <li>high-score detections are matched to all confirmed and lost tracks (optimal assignment,
 *       {@link Assignment}, on {@code 1 - IoU·score} minus OC-SORT's direction term, among pairs
 *       whose {@code IoU·score} passes the gate); the detections and tracks left over are matched
 *       once more on the larger of the buffered IoU of the prediction (C-BIoU) and the IoU of the
 *       track's last observation (OC-SORT's observation-centric recovery);
 *   <li>low-score detections are matched to the confirmed tracks still unmatched
 *       ({@code 1 - IoU}); confirmed tracks left unmatched become LOST;
 *   <li>the remaining high detections are matched to tentative tracks (IoU, then buffered IoU), which are confirmed after
 *       {@link TrackerSettings#minConfirmHits()} hits or dropped on their first miss;
 *   <li>remaining detections scoring at least {@link TrackerSettings#newTrackThreshold()} start
 *       tentative tracks, their filters started as uncertain as one box and the stream's frame interval make them
 *       ({@link TrackerSettings#calibratedStart()}); lost tracks older than the buffer are removed; duplicates between
 *       tracked and lost tracks are resolved in favour of the older track.
 * </ol>
 *
 * <p>A track matched again after frames without an observation is re-updated along a virtual path
 * from its last observation (OC-SORT's ORU, see {@link TrackerSettings#observationCentric()}).
 * Durations (the lost-track buffer, the span of the direction estimate) become frames at the
 * stream's frame rate: configured, or measured from the frames' event times.
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

    /**
     * Advances the tracker to {@code frame} and associates its detections, without event time or camera
     * motion (the frame rate is then the configured or the default one).
     *
     * @param frame the frame's sequence number; must be greater than the previous one
     * @param detections the frame's detections (any order)
     * @return the tracks to report for this frame (per the emit settings), by ascending id
     */
    public List<TrackedObject> update(long frame, List<Detection> detections) {
        return update(frame, NO_TIME, detections, 0, 0);
    }

    /**
     * Advances the tracker to {@code frame}, moves the tracks by the camera's motion since the previous
     * frame and associates the frame's detections.
     *
     * @param frame the frame's sequence number; must be greater than the previous one
     * @param timestampMillis the frame's event time, from which the stream's frame rate is measured, or
     *     {@link #NO_TIME}
     * @param detections the frame's detections (any order)
     * @param shiftX how far the image content moved right since the previous frame, pixels (camera motion;
     *     0 when unknown)
     * @param shiftY how far it moved down
     * @return the tracks to report for this frame (per the emit settings), by ascending id
     */
    public List<TrackedObject> update(long frame, long timestampMillis, List<Detection> detections, double shiftX,
            double shiftY) {
        if (state.lastFrame != TrackerState.NO_FRAME && frame <= state.lastFrame) {
            throw new IllegalArgumentException("frame " + frame + " is not after the last frame " + state.lastFrame);
        }
        measureFrameRate(frame, timestampMillis);
        double fps = frameRate();
        int buffer = TrackerSettings.frames(settings.trackBufferSeconds(), fps);
        int momentumFrames = Math.max(1, TrackerSettings.frames(settings.momentumSeconds(), fps));
        boolean firstFrame = state.lastFrame == TrackerState.NO_FRAME;
        long elapsed = firstFrame ? 0 : Math.min(frame - state.lastFrame, buffer + 1L);
        boolean shift = shiftX != 0 || shiftY != 0;
        for (Track t : state.tracks) {
            if (t.state == TrackState.LOST) {
                t.mean[7] = 0;
            }
            for (long i = 0; i < elapsed; i++) {
                KalmanBoxFilter.predict(t.mean, t.cov);
            }
            if (shift) {
                t.shift(shiftX, shiftY);
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
        Match match = new Match(frame, buffer, momentumFrames);

        // 1. High-score detections against confirmed and lost tracks: on IoU, then what is left over on
        // buffered IoU and (observation-centric recovery) on the overlap with the track's last observation.
        boolean[] highUsed = new boolean[high.size()];
        boolean[] poolMatched = new boolean[pool.size()];
        match.run(pool, poolMatched, high, highUsed, Overlap.IOU, settings.fuseScore(), settings.matchCostThreshold(),
                true);
        if (settings.bufferScale() > 0 || settings.observationCentric()) {
            match.run(pool, poolMatched, high, highUsed, Overlap.BUFFERED, settings.fuseScore(),
                    settings.matchCostThreshold(), true);
        }
        for (int i = 0; i < pool.size(); i++) {
            if (poolMatched[i]) {
                pool.get(i).state = TrackState.CONFIRMED;
            }
        }

        // 2. Low-score detections against the confirmed tracks still unmatched.
        List<Track> remaining = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!poolMatched[i] && pool.get(i).state == TrackState.CONFIRMED) {
                remaining.add(pool.get(i));
            }
        }
        boolean[] remainingMatched = new boolean[remaining.size()];
        match.run(remaining, remainingMatched, low, new boolean[low.size()], Overlap.IOU, false,
                settings.lowMatchCostThreshold(), false);
        for (int i = 0; i < remaining.size(); i++) {
            if (!remainingMatched[i]) {
                remaining.get(i).state = TrackState.LOST;
            }
        }

        // 3. Leftover high detections against tentative tracks (IoU, then buffered IoU).
        boolean[] tentativeMatched = new boolean[tentative.size()];
        match.run(tentative, tentativeMatched, high, highUsed, Overlap.IOU, settings.fuseScore(),
                settings.tentativeMatchCostThreshold(), false);
        if (settings.bufferScale() > 0) {
            match.run(tentative, tentativeMatched, high, highUsed, Overlap.BUFFERED, settings.fuseScore(),
                    settings.tentativeMatchCostThreshold(), false);
        }
        List<Track> dropped = new ArrayList<>();
        for (int i = 0; i < tentative.size(); i++) {
            Track t = tentative.get(i);
            if (!tentativeMatched[i]) {
                dropped.add(t);
            } else if (t.hits >= settings.minConfirmHits()) {
                t.state = TrackState.CONFIRMED;
            }
        }
        state.tracks.removeAll(dropped);

        // 4. New tracks.
        for (int j = 0; j < high.size(); j++) {
            Detection d = high.get(j);
            if (!highUsed[j] && d.score() >= settings.newTrackThreshold()) {
                Track t = new Track();
                t.id = state.nextId++;
                t.classId = d.classId();
                t.label = d.label();
                t.score = d.score();
                double[] z = KalmanBoxFilter.toMeasurement(d.x1(), d.y1(), d.x2(), d.y2());
                if (settings.calibratedStart()) {
                    KalmanBoxFilter.initiateCalibrated(z, t.mean, t.cov, TrackerSettings.DEFAULT_FRAME_RATE / fps);
                } else {
                    KalmanBoxFilter.initiate(z, t.mean, t.cov);
                }
                t.hits = 1;
                t.startFrame = frame;
                t.lastMatchFrame = frame;
                t.state = firstFrame || settings.minConfirmHits() <= 1 ? TrackState.CONFIRMED : TrackState.TENTATIVE;
                observed(t, z, frame, momentumFrames);
                state.tracks.add(t);
            }
        }

        // 5. Expire lost tracks, then drop duplicates between tracked and lost ones.
        state.tracks.removeIf(t -> t.state == TrackState.LOST && frame - t.lastMatchFrame > buffer);
        removeDuplicates(frame);
        state.lastFrame = frame;
        return report(frame);
    }

    /** Event time of a frame that has none. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** The frame rate in use: the configured one, else the measured one, else the default. */
    public double frameRate() {
        if (settings.frameRate() > 0) {
            return settings.frameRate();
        }
        return state.frameMillis > 0 ? 1000 / state.frameMillis : TrackerSettings.DEFAULT_FRAME_RATE;
    }

    /** A running average of the milliseconds per sequence step, from consecutive frames' event times. */
    private void measureFrameRate(long frame, long timestampMillis) {
        if (timestampMillis != NO_TIME && state.lastTimestamp != TrackerState.NO_FRAME
                && state.lastFrame != TrackerState.NO_FRAME && timestampMillis > state.lastTimestamp) {
            double sample = (timestampMillis - state.lastTimestamp) / (double) (frame - state.lastFrame);
            sample = Math.max(0.1, Math.min(60_000, sample));
            state.frameMillis = state.frameMillis > 0 ? state.frameMillis + FRAME_RATE_SMOOTHING * (sample - state.frameMillis)
                    : sample;
        }
        state.lastTimestamp = timestampMillis == NO_TIME ? TrackerState.NO_FRAME : timestampMillis;
    }

    /** Weight of each new frame interval in the measured frame rate. */
    private static final double FRAME_RATE_SMOOTHING = 0.1;

    /** How a track's box and a detection's box are compared. */
    private enum Overlap {
        /** IoU of the predicted box. */
        IOU,
        /** The larger of the buffered IoU of the predicted box and the IoU of the last observation. */
        BUFFERED
    }

    /**
     * Whether a track's prediction may be matched on widened boxes: any track seen in the previous frame, and a lost
     * one only if its observations span at least the momentum window ({@code momentumFrames}, the span its direction
     * is measured over), so that its motion is known. A track confirmed on two consecutive boxes and lost at once has
     * no motion to speak of; widening its gate after a gap let it take over a second, partial box that the detector
     * reported on a neighbouring car, which then crossed a counting line twice. The window is a time, not a count of
     * boxes: at a low frame rate two boxes already span it, and a person hidden behind another for a few frames
     * keeps the identity the widened gate was made for.
     */
    private static boolean widenable(Track t, int momentumFrames) {
        return t.state != TrackState.LOST || t.lastMatchFrame - t.startFrame >= momentumFrames;
    }

    /** One frame's association steps. */
    private final class Match {
        private final long frame;
        private final int buffer;
        private final int momentumFrames;

        Match(long frame, int buffer, int momentumFrames) {
            this.frame = frame;
            this.buffer = buffer;
            this.momentumFrames = momentumFrames;
        }

        /**
         * Matches the unmatched {@code tracks} to the unused {@code dets}: a pair is allowed when its overlap
         * (times the score with {@code fuse}) is at least {@code 1 - costThreshold}; among allowed pairs the
         * assignment maximises overlap plus, with {@code momentum}, the direction term. Matched tracks are
         * corrected and both sides marked.
         */
        void run(List<Track> tracks, boolean[] trackMatched, List<Detection> dets, boolean[] detUsed, Overlap overlap,
                boolean fuse, float costThreshold, boolean momentum) {
            List<Integer> rows = new ArrayList<>();
            List<Integer> cols = new ArrayList<>();
            for (int i = 0; i < tracks.size(); i++) {
                if (!trackMatched[i]) {
                    rows.add(i);
                }
            }
            for (int j = 0; j < dets.size(); j++) {
                if (!detUsed[j]) {
                    cols.add(j);
                }
            }
            if (rows.isEmpty() || cols.isEmpty()) {
                return;
            }
            boolean useMomentum = momentum && settings.observationCentric() && settings.momentumWeight() > 0;
            double bonusLimit = useMomentum ? settings.momentumWeight() / 2.0 : 0;
            double[][] cost = new double[rows.size()][cols.size()];
            for (int r = 0; r < rows.size(); r++) {
                Track t = tracks.get(rows.get(r));
                double[] tb = t.box();
                double[] observedBox = overlap == Overlap.BUFFERED && settings.observationCentric()
                        ? KalmanBoxFilter.toBox(t.lastObservation) : null;
                int previous = useMomentum ? t.previousObservation(frame, momentumFrames) : -1;
                for (int c = 0; c < cols.size(); c++) {
                    Detection d = dets.get(cols.get(c));
                    if (settings.classAware() && d.classId() != t.classId) {
                        cost[r][c] = Double.POSITIVE_INFINITY;
                        continue;
                    }
                    double[] db = box(d);
                    double similarity;
                    if (overlap == Overlap.IOU) {
                        similarity = iou(tb, db);
                    } else {
                        similarity = settings.bufferScale() > 0 && widenable(t, momentumFrames)
                                ? bufferedIou(tb, db, settings.bufferScale()) : 0;
                        if (observedBox != null) {
                            similarity = Math.max(similarity, iou(observedBox, db));
                        }
                    }
                    if (fuse) {
                        similarity *= d.score();
                    }
                    if (similarity < 1 - costThreshold) {
                        cost[r][c] = Double.POSITIVE_INFINITY;
                        continue;
                    }
                    double bonus = previous >= 0
                            ? settings.momentumWeight() * d.score() * directionAgreement(t, previous, db) : 0;
                    cost[r][c] = 1 - similarity - bonus;
                }
            }
            int[] assigned = Assignment.solve(cost, costThreshold + bonusLimit);
            for (int r = 0; r < rows.size(); r++) {
                if (assigned[r] >= 0) {
                    int i = rows.get(r);
                    int j = cols.get(assigned[r]);
                    correct(tracks.get(i), dets.get(j), frame, buffer, momentumFrames);
                    trackMatched[i] = true;
                    detUsed[j] = true;
                }
            }
        }
    }

    /**
     * OC-SORT's direction consistency, in [-0.5, 0.5]: (π/2 - |θ|) / π for the angle θ between the track's
     * direction and the direction from its observation {@code previous} to the detection's centre; 0 while
     * the track has no direction.
     */
    static double directionAgreement(Track t, int previous, double[] detectionBox) {
        if (t.directionX == 0 && t.directionY == 0) {
            return 0;
        }
        double dx = (detectionBox[0] + detectionBox[2]) / 2 - t.historyX[previous];
        double dy = (detectionBox[1] + detectionBox[3]) / 2 - t.historyY[previous];
        double norm = Math.sqrt(dx * dx + dy * dy) + 1e-6;
        double cos = Math.max(-1, Math.min(1, (dx * t.directionX + dy * t.directionY) / norm));
        return (Math.PI / 2 - Math.acos(cos)) / Math.PI;
    }

    private void correct(Track t, Detection d, long frame, int buffer, int momentumFrames) {
        double[] z = KalmanBoxFilter.toMeasurement(d.x1(), d.y1(), d.x2(), d.y2());
        long gap = frame - t.lastMatchFrame;
        if (settings.observationCentric() && gap > 1) {
            reUpdate(t, z, (int) Math.min(gap, buffer + 1L));
        } else {
            KalmanBoxFilter.update(t.mean, t.cov, z);
        }
        t.score = d.score();
        t.classId = d.classId();
        t.label = d.label();
        t.hits++;
        int previous = t.previousObservation(frame, momentumFrames);
        if (previous >= 0) {
            double dx = z[0] - t.historyX[previous];
            double dy = z[1] - t.historyY[previous];
            double norm = Math.sqrt(dx * dx + dy * dy) + 1e-6;
            t.directionX = dx / norm;
            t.directionY = dy / norm;
        }
        t.lastMatchFrame = frame;
        observed(t, z, frame, momentumFrames);
    }

    /**
     * OC-SORT's observation-centric re-update: from the filter as it was right after the last observation, one
     * predict and update per frame since, along a straight path (centre, width and height interpolated linearly)
     * from the last observation to {@code z}, which is the last step. The velocity is so estimated from the
     * observations, not from the predictions made while the track was unseen.
     */
    void reUpdate(Track t, double[] z, int steps) {
        System.arraycopy(t.observedMean, 0, t.mean, 0, t.mean.length);
        System.arraycopy(t.observedCov, 0, t.cov, 0, t.cov.length);
        double[] from = t.lastObservation;
        double w0 = from[2] * from[3];
        double w1 = z[2] * z[3];
        for (int k = 1; k <= steps; k++) {
            KalmanBoxFilter.predict(t.mean, t.cov);
            if (k == steps) {
                KalmanBoxFilter.update(t.mean, t.cov, z);
            } else {
                double f = k / (double) steps;
                double h = from[3] + f * (z[3] - from[3]);
                double w = w0 + f * (w1 - w0);
                KalmanBoxFilter.update(t.mean, t.cov, new double[] {
                    from[0] + f * (z[0] - from[0]), from[1] + f * (z[1] - from[1]), w / Math.max(h, 1e-6), h});
            }
        }
    }

    /** Remembers the filter and the observation of this frame, where a later re-update and direction start. */
    private static void observed(Track t, double[] z, long frame, int momentumFrames) {
        System.arraycopy(t.mean, 0, t.observedMean, 0, t.mean.length);
        System.arraycopy(t.cov, 0, t.observedCov, 0, t.cov.length);
        System.arraycopy(z, 0, t.lastObservation, 0, 4);
        t.observe(frame, z[0], z[1], momentumFrames);
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

    /**
     * IoU of the two boxes each widened by {@code scale} times its width and height on every side (the buffered
     * IoU of C-BIoU): boxes near each other overlap, in proportion to their size.
     */
    public static double bufferedIou(double[] a, double[] b, double scale) {
        return iou(widen(a, scale), widen(b, scale));
    }

    private static double[] widen(double[] box, double scale) {
        double bw = (box[2] - box[0]) * scale;
        double bh = (box[3] - box[1]) * scale;
        return new double[] {box[0] - bw, box[1] - bh, box[2] + bw, box[3] + bh};
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
