package dev.vigil.operators.track;

import java.io.Serializable;

/**
 * Settings of the multi-object tracker ({@link ByteTracker}) and of the per-camera operator
 * ({@link TrackObjects}). {@link #DEFAULTS} holds the documented defaults; {@link #builder()}
 * starts from them. Job config keys (to be wired) are named after the fields under
 * {@code tracking.*}, e.g. {@code tracking.high-score-threshold}.
 *
 * <p>Scores are detector confidences in [0, 1]. Cost thresholds are on the association cost
 * {@code 1 - IoU} (or {@code 1 - IoU·score} when {@link #fuseScore} is on), so a cost threshold
 * of 0.8 means "IoU of at least 0.2".
 *
 * @param highScoreThreshold detections scoring at least this are "high" and take part in the
 *     first association, against all tracked and lost tracks. Default 0.5 (ByteTrack
 *     {@code track_thresh}).
 * @param lowScoreThreshold detections scoring above this but below the high threshold are "low"
 *     and are only used in the second association, to keep tracked objects alive through partial
 *     occlusion. Detections at or below it are ignored. Default 0.1.
 * @param newTrackThreshold an unmatched high detection starts a new track only if it scores at
 *     least this. Default 0.6 (ByteTrack: track_thresh + 0.1).
 * @param matchCostThreshold largest cost accepted in the first (high-score) association.
 *     Default 0.8, i.e. IoU ≥ 0.2 (ByteTrack {@code match_thresh}).
 * @param lowMatchCostThreshold largest cost accepted in the second (low-score) association.
 *     Default 0.5, i.e. IoU ≥ 0.5 (ByteTrack's fixed value).
 * @param tentativeMatchCostThreshold largest cost accepted when matching the high detections
 *     left over to tentative tracks. Default 0.7, i.e. IoU ≥ 0.3 (ByteTrack's fixed value).
 * @param fuseScore whether the first and tentative associations use {@code 1 - IoU·score} rather
 *     than {@code 1 - IoU} (ByteTrack's {@code fuse_score}, on except for MOT20). Default true.
 * @param trackBufferSeconds a lost track is removed when it has not been matched for longer than
 *     this, converted to frames at the stream's frame rate (see {@link #frameRate}). Frames missing
 *     from the stream count. Default 1 s (ByteTrack's {@code track_buffer} of 30 frames at 30 fps,
 *     which ByteTrack itself scales by the frame rate).
 * @param minConfirmHits consecutive matched frames (the first detection included) a tentative
 *     track needs to become CONFIRMED; a tentative track that misses a frame is dropped. Default 2,
 *     as ByteTrack. Tracks born in the tracker's very first frame are confirmed at once (also as
 *     ByteTrack), so a stream's opening objects are reported from frame one.
 * @param classAware when true a track only matches detections of its own class; when false the
 *     class is ignored in matching and a track takes the class of its latest detection. Default
 *     true.
 * @param duplicateIou a tracked and a lost track overlapping at least this much are duplicates;
 *     the younger is dropped. Default 0.85 (ByteTrack: IoU distance below 0.15).
 * @param emitTentative whether output frames list TENTATIVE tracks. Default false.
 * @param emitLost whether output frames list LOST tracks (with their predicted boxes). Default
 *     false.
 * @param reorderFrames the operator holds up to this many frames of a camera to put them back in
 *     sequence order; when more are waiting, the oldest is processed even if frames before it
 *     are missing (they then count as skipped). 0 processes frames as they come. Default 8.
 * @param reorderWaitMillis processing time a frame may wait for the frames missing before it;
 *     then everything waiting is processed in order. 0 waits only on the buffer size. Default 500.
 * @param idleTimeoutMillis processing time after a camera's last frame at which its tracks and
 *     all its state are dropped (frames still waiting are processed first). Track ids restart
 *     at 1 when the camera comes back. Default 300000 (5 minutes).
 * @param frameRate frames per second of the stream, used to turn the durations above and below into
 *     frames; 0 (default) measures it per camera from the frames' event times (before two frames
 *     with times have been seen, {@link #DEFAULT_FRAME_RATE} applies).
 * @param observationCentric OC-SORT's observation-centric steps (Cao et al., "Observation-Centric
 *     SORT", CVPR 2023): a track found again after missed frames has its filter re-run along a
 *     straight virtual path between its last observation and the new one (re-update, ORU), and the
 *     first association is steered by the direction of the track's observations (momentum, OCM).
 *     Default true.
 * @param momentumWeight weight of the direction term in the first association's cost (OC-SORT's
 *     {@code inertia}/{@code vdc_weight}, 0.2 on MOT17); it only ranks candidates that pass the
 *     overlap gate. Default 0.2.
 * @param momentumSeconds how far apart the two observations that give a track's direction are
 *     (OC-SORT's {@code delta_t} of 3 frames at 30 fps). Default 0.1 s, at least one frame.
 * @param bufferScale detections and tracks left over by the IoU associations are matched once more
 *     on the IoU of their boxes widened by this fraction of their width and height on every side
 *     (buffered IoU of C-BIoU, Yang et al., WACV 2023), so that fast or small objects whose
 *     prediction no longer overlaps their detection still match. 0 turns that step off. Default 0.3
 *     (C-BIoU's first buffer).
 * @param cameraMotion whether the job estimates each camera's global image motion and shifts the
 *     tracks by it before association (see {@link ByteTracker}). Default false.
 * @param calibratedStart whether a new track's filter starts as uncertain as its first box is: its aspect
 *     ratio at twice the measurement's noise rather than ByteTrack's tenth of it, its velocity with the
 *     uncertainty of the time between the stream's frames rather than of 1/30 s (see
 *     {@link KalmanBoxFilter#initiateCalibrated}). Default true; false is ByteTrack's start.
 */
public record TrackerSettings(
        float highScoreThreshold,
        float lowScoreThreshold,
        float newTrackThreshold,
        float matchCostThreshold,
        float lowMatchCostThreshold,
        float tentativeMatchCostThreshold,
        boolean fuseScore,
        double trackBufferSeconds,
        int minConfirmHits,
        boolean classAware,
        float duplicateIou,
        boolean emitTentative,
        boolean emitLost,
        int reorderFrames,
        long reorderWaitMillis,
        long idleTimeoutMillis,
        double frameRate,
        boolean observationCentric,
        float momentumWeight,
        double momentumSeconds,
        float bufferScale,
        boolean cameraMotion,
        boolean calibratedStart) implements Serializable {

    private static final long serialVersionUID = 3L;

    /**
     * The frame rate assumed for a stream until its own is known: the rate ByteTrack's frame counts and its filter's
     * per-frame velocity noise were set for.
     */
    public static final double DEFAULT_FRAME_RATE = 30;

    public static final TrackerSettings DEFAULTS = new TrackerSettings(
            0.5f, 0.1f, 0.6f, 0.8f, 0.5f, 0.7f, true, 1.0, 2, true, 0.85f, false, false, 8, 500, 300_000,
            0, true, 0.2f, 0.1, 0.3f, false, true);

    /**
     * {@link #DEFAULTS} with score thresholds for Vigil's own detectors, which report detections from
     * their score threshold (0.35 by default) and score real objects lower than the detectors
     * ByteTrack's defaults were set for: tracks start from, and first match, detections of 0.4 and
     * up; detections between the detector's threshold and 0.4 only extend existing tracks.
     */
    public static final TrackerSettings FOR_VIGIL_DETECTORS = DEFAULTS.toBuilder()
            .highScoreThreshold(0.4f)
            .newTrackThreshold(0.4f)
            .build();

    public TrackerSettings {
        if (!(lowScoreThreshold >= 0 && lowScoreThreshold <= highScoreThreshold)) {
            throw new IllegalArgumentException("need 0 <= lowScoreThreshold <= highScoreThreshold, got "
                    + lowScoreThreshold + " and " + highScoreThreshold);
        }
        requireCost("matchCostThreshold", matchCostThreshold);
        requireCost("lowMatchCostThreshold", lowMatchCostThreshold);
        requireCost("tentativeMatchCostThreshold", tentativeMatchCostThreshold);
        if (!(trackBufferSeconds >= 0)) {
            throw new IllegalArgumentException("trackBufferSeconds must be >= 0, got " + trackBufferSeconds);
        }
        if (!(frameRate >= 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be 0 (measured) or positive, got " + frameRate);
        }
        if (!(momentumWeight >= 0) || !(momentumSeconds >= 0) || !(bufferScale >= 0 && bufferScale <= 10)) {
            throw new IllegalArgumentException("need momentumWeight >= 0, momentumSeconds >= 0 and 0 <= bufferScale <= 10");
        }
        if (minConfirmHits < 1) {
            throw new IllegalArgumentException("minConfirmHits must be >= 1, got " + minConfirmHits);
        }
        if (reorderFrames < 0 || reorderWaitMillis < 0 || idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("need reorderFrames >= 0, reorderWaitMillis >= 0, idleTimeoutMillis > 0");
        }
    }

    /** Frames in {@code seconds} at {@code fps}, rounded. */
    public static int frames(double seconds, double fps) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(seconds * fps));
    }

    private static void requireCost(String name, float value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings, keeps the rest. */
    public static final class Builder {
        private float high, low, newTrack, matchCost, lowMatchCost, tentativeMatchCost, duplicateIou;
        private boolean fuseScore, classAware, emitTentative, emitLost;
        private int minHits, reorderFrames;
        private long reorderWait, idleTimeout;
        private double buffer, frameRate, momentumSeconds;
        private boolean observationCentric, cameraMotion, calibratedStart;
        private float momentumWeight, bufferScale;

        private Builder(TrackerSettings s) {
            high = s.highScoreThreshold;
            low = s.lowScoreThreshold;
            newTrack = s.newTrackThreshold;
            matchCost = s.matchCostThreshold;
            lowMatchCost = s.lowMatchCostThreshold;
            tentativeMatchCost = s.tentativeMatchCostThreshold;
            fuseScore = s.fuseScore;
            buffer = s.trackBufferSeconds;
            minHits = s.minConfirmHits;
            classAware = s.classAware;
            duplicateIou = s.duplicateIou;
            emitTentative = s.emitTentative;
            emitLost = s.emitLost;
            reorderFrames = s.reorderFrames;
            reorderWait = s.reorderWaitMillis;
            idleTimeout = s.idleTimeoutMillis;
            frameRate = s.frameRate;
            observationCentric = s.observationCentric;
            momentumWeight = s.momentumWeight;
            momentumSeconds = s.momentumSeconds;
            bufferScale = s.bufferScale;
            cameraMotion = s.cameraMotion;
            calibratedStart = s.calibratedStart;
        }

        public Builder highScoreThreshold(float v) { high = v; return this; }
        public Builder lowScoreThreshold(float v) { low = v; return this; }
        public Builder newTrackThreshold(float v) { newTrack = v; return this; }
        public Builder matchCostThreshold(float v) { matchCost = v; return this; }
        public Builder lowMatchCostThreshold(float v) { lowMatchCost = v; return this; }
        public Builder tentativeMatchCostThreshold(float v) { tentativeMatchCost = v; return this; }
        public Builder fuseScore(boolean v) { fuseScore = v; return this; }
        public Builder trackBufferSeconds(double v) { buffer = v; return this; }
        /** The buffer as ByteTrack gives it: frames at 30 fps ({@code v / 30} seconds). */
        public Builder trackBufferFrames(int v) { buffer = v / DEFAULT_FRAME_RATE; return this; }
        public Builder frameRate(double v) { frameRate = v; return this; }
        public Builder observationCentric(boolean v) { observationCentric = v; return this; }
        public Builder momentumWeight(float v) { momentumWeight = v; return this; }
        public Builder momentumSeconds(double v) { momentumSeconds = v; return this; }
        public Builder bufferScale(float v) { bufferScale = v; return this; }
        public Builder cameraMotion(boolean v) { cameraMotion = v; return this; }
        public Builder calibratedStart(boolean v) { calibratedStart = v; return this; }
        public Builder minConfirmHits(int v) { minHits = v; return this; }
        public Builder classAware(boolean v) { classAware = v; return this; }
        public Builder duplicateIou(float v) { duplicateIou = v; return this; }
        public Builder emitTentative(boolean v) { emitTentative = v; return this; }
        public Builder emitLost(boolean v) { emitLost = v; return this; }
        public Builder reorderFrames(int v) { reorderFrames = v; return this; }
        public Builder reorderWaitMillis(long v) { reorderWait = v; return this; }
        public Builder idleTimeoutMillis(long v) { idleTimeout = v; return this; }

        public TrackerSettings build() {
            return new TrackerSettings(high, low, newTrack, matchCost, lowMatchCost, tentativeMatchCost, fuseScore,
                    buffer, minHits, classAware, duplicateIou, emitTentative, emitLost, reorderFrames, reorderWait,
                    idleTimeout, frameRate, observationCentric, momentumWeight, momentumSeconds, bufferScale,
                    cameraMotion, calibratedStart);
        }
    }
}
