package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes one camera's file from its read position on, applying stride, frame limit and looping,
 * and turns every failure into a single damage marker that ends the split.
 *
 * <p>Resuming at frame <i>k</i> decodes and discards frames 0..k-1: slower than seeking, but exact,
 * because seeking in compressed video lands on key frames and frame indexes derived from a seek
 * are not reliable.
 *
 * <p>Damage, and where it is reported: a file that cannot be opened, or an error thrown by the
 * decoder, ends the camera at the frame that failed (no retry: after a decoder error the frame
 * index of whatever comes next is unknown). FFmpeg itself skips many corrupt packets without an
 * error; such losses surface only when the stream ends short of its declared frame count, so the
 * marker then sits at the end and frames after the corrupt region carry sequence numbers shifted
 * by the frames lost. Counts are per pass through the file.
 */
final class SplitDecoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SplitDecoder.class);

    /**
     * A stream may end this many frames short of the count its container declares before it counts
     * as truncated: declared counts of some muxers are off by a frame or two.
     */
    static final int MISSING_FRAME_TOLERANCE = 2;

    private final VideoSplit split;
    private final DecodeSettings settings;
    private final ReaderMetrics metrics;

    private ReadPosition position;
    private FfmpegVideo video;
    /** Presentation time of the last frame decoded in the current pass, -1 before the first. */
    private long lastPtsMillisInPass = -1;

    SplitDecoder(VideoSplit split, DecodeSettings settings, ReaderMetrics metrics) {
        this.split = split;
        this.settings = settings;
        this.metrics = metrics;
        this.position = split.position();
    }

    String splitId() {
        return split.splitId();
    }

    /** The next frame to emit (maybe a damage marker), or {@code null} once the split is done. */
    PositionedFrame next() {
        while (!position.finished()) {
            if (settings.reachedMaxFrames(position.emittedFrames())) {
                finish();
                return null;
            }
            if (video == null) {
                PositionedFrame damage = openAtPosition();
                if (damage != null) {
                    return damage;
                }
            }
            FfmpegVideo.Picture picture;
            try {
                picture = video.next();
            } catch (IOException | RuntimeException e) {
                return damage("decode error in " + split.path() + " at frame " + position.nextFrame()
                        + " (pass " + position.completedLoops() + "): " + e.getMessage());
            }
            if (picture == null) {
                PositionedFrame damage = endOfPass();
                if (damage != null) {
                    return damage;
                }
                continue;
            }
            long sequence = position.nextSequence();
            long timestamp = position.timeOffsetMillis() + picture.timestampMicros() / 1000;
            countDecoded(picture);
            if (settings.emits(sequence)) {
                position = position.emittedOne(timestamp);
                Frame frame = Frame.bgr(
                        split.cameraId(), sequence, timestamp, picture.width(), picture.height(), picture.bgr());
                return new PositionedFrame(frame, position);
            }
        }
        close();
        return null;
    }

    private void countDecoded(FfmpegVideo.Picture picture) {
        metrics.framesDecoded.inc();
        lastPtsMillisInPass = picture.timestampMicros() / 1000;
        position = position.decodedOne();
    }

    /**
     * Opens the file and decodes up to the position's next frame. Returns a damage marker if that
     * fails, else {@code null}.
     */
    private PositionedFrame openAtPosition() {
        try {
            video = FfmpegVideo.open(Path.of(split.path()));
        } catch (IOException | RuntimeException | LinkageError e) {
            return damage("cannot open video file " + split.path() + ": " + e.getMessage());
        }
        long target = position.nextFrame();
        if (target > 0) {
            LOG.info("Camera {}: decoding frames 0..{} of {} again to resume after a restore",
                    split.cameraId(), target - 1, split.path());
        }
        lastPtsMillisInPass = -1;
        for (long index = 0; index < target; index++) {
            FfmpegVideo.Picture picture;
            try {
                picture = video.next();
            } catch (IOException | RuntimeException e) {
                return damage("decode error in " + split.path() + " at frame " + index
                        + " while resuming at frame " + target + ": " + e.getMessage());
            }
            if (picture == null) {
                return damage("video " + split.path() + " ended after " + index
                        + " frames while resuming at frame " + target + " (file changed since the checkpoint?)");
            }
            metrics.framesDecoded.inc();
            lastPtsMillisInPass = picture.timestampMicros() / 1000;
        }
        return null;
    }

    /**
     * The stream ended: report truncation, else finish or start the next pass. Returns a damage
     * marker or {@code null}.
     */
    private PositionedFrame endOfPass() {
        long decoded = position.nextFrame();
        long declared = video.info().frameCount();
        if (declared > 0 && decoded < declared - MISSING_FRAME_TOLERANCE) {
            return damage("video " + split.path() + " ended after " + decoded + " of " + declared
                    + " declared frames (truncated or corrupt): " + (declared - decoded) + " frames missing");
        }
        if (decoded == 0) {
            return damage("video " + split.path() + " has no decodable frames");
        }
        if (!settings.loop()) {
            finish();
            return null;
        }
        long passMillis = lastPtsMillisInPass + frameIntervalMillis(video.info());
        closeVideo();
        position = position.nextLoop(passMillis);
        return null;
    }

    private static long frameIntervalMillis(VideoInfo info) {
        if (info.fps() > 0) {
            return Math.max(1, Math.round(1000.0 / info.fps()));
        }
        return info.frameCount() > 0 ? Math.max(1, info.durationMillis() / info.frameCount()) : 1;
    }

    /** Ends the split with one damage marker at the frame where reading failed. */
    private PositionedFrame damage(String message) {
        long sequence = position.nextSequence();
        LOG.warn("Camera {}: {}; emitting a damaged frame at sequence {} and ending this camera",
                split.cameraId(), message, sequence);
        metrics.decodeErrors.inc();
        finish();
        Frame marker = Frame.damaged(split.cameraId(), sequence, position.lastTimestampMillis(), message);
        return new PositionedFrame(marker, position);
    }

    private void finish() {
        position = position.finish();
        closeVideo();
    }

    private void closeVideo() {
        if (video != null) {
            video.close();
            video = null;
        }
    }

    @Override
    public void close() {
        closeVideo();
    }
}
