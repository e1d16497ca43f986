package dev.vigil.sources.file;

import dev.vigil.sources.FfmpegLog;
import dev.vigil.sources.Frame;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes one camera's file from its read position on, applying stride, frame limit and looping; turns
 * frames missing from the stream into gap markers, and every failure into a single damage marker that
 * ends the split.
 *
 * <p>Resuming at frame <i>k</i> decodes and discards the frames before <i>k</i>: slower than seeking,
 * but exact, because seeking in compressed video lands on key frames and frame indexes derived from a
 * seek are not reliable.
 *
 * <p>Damage, and where it is reported: FFmpeg skips corrupt data in the middle of a file without an
 * error, dropping the frames it held. Their indexes stay taken ({@link StreamTimeline} places each frame
 * by its presentation time), and the gap becomes one {@linkplain Frame#gap gap marker} before the next
 * frame, counting the missing frames that the stride would have emitted and within the frame limit. A
 * stream that ends more than {@value #MISSING_FRAME_TOLERANCE} frames short of the count its container
 * declares gets a gap marker for the missing end; a file that cannot be opened, or an error thrown by
 * the decoder, ends the camera with one damage marker at the frame that failed (no retry: after a
 * decoder error the frame index of whatever comes next is unknown). Counts are per pass through the file.
 *
 * <p>What FFmpeg logs while it decodes a camera goes to the job's log ({@link FfmpegLog}); when the camera
 * ends, one warning says how many messages there were and for which file. Messages are counted while this
 * decoder decodes, so with several cameras decoding at once in one JVM a message may be counted for
 * another of them.
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
    private final ReaderMetrics.Camera metrics;

    private ReadPosition position;
    private FfmpegVideo video;
    /** A picture decoded but not yet emitted, because the gap before it was emitted first. */
    private FfmpegVideo.Picture pending;
    /** Presentation time of the last frame decoded in the current pass, -1 before the first. */
    private long lastPtsMillisInPass = -1;
    /** FFmpeg log messages that came while this camera was being decoded. */
    private long ffmpegMessages;

    SplitDecoder(VideoSplit split, DecodeSettings settings, ReaderMetrics metrics) {
        this.split = split;
        this.settings = settings;
        this.metrics = metrics.camera(split.cameraId());
        this.position = split.position();
    }

    String splitId() {
        return split.splitId();
    }

    /** The next frame to emit (maybe a damage or gap marker), or {@code null} once the split is done. */
    PositionedFrame next() {
        while (!position.finished()) {
            if (settings.reachedMaxFrames(position.nextSequence())) {
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
                picture = pending != null ? pending : decode();
            } catch (IOException | RuntimeException e) {
                return damage("decode error in " + split.path() + " at frame " + position.nextFrame()
                        + " (pass " + position.completedLoops() + "): " + e.getMessage());
            }
            pending = null;
            if (picture == null) {
                PositionedFrame damage = endOfPass();
                if (damage != null) {
                    return damage;
                }
                continue;
            }
            if (picture.index() > position.nextFrame()) {
                pending = picture;
                PositionedFrame gap = missingBefore(picture);
                if (gap != null) {
                    return gap;
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

    private FfmpegVideo.Picture decode() throws IOException {
        long before = FfmpegLog.messages();
        try {
            return video.next();
        } finally {
            ffmpegMessages += FfmpegLog.messages() - before;
        }
    }

    private void countDecoded(FfmpegVideo.Picture picture) {
        metrics.framesDecoded().inc();
        lastPtsMillisInPass = picture.timestampMicros() / 1000;
        position = position.decodedOne();
    }

    /**
     * Moves past the frames missing before this picture and returns their gap marker, or {@code null}
     * when the stride would have emitted none of them.
     */
    private PositionedFrame missingBefore(FfmpegVideo.Picture picture) {
        long first = position.nextSequence();
        long last = Math.min(position.sequenceBase() + picture.index() - 1, settings.lastSequenceWithinLimit());
        long lost = settings.selectedIn(first, last);
        long fromMillis = position.timeOffsetMillis() + picture.expectedMicros() / 1000;
        long toMillis = position.timeOffsetMillis() + picture.timestampMicros() / 1000;
        position = position.missingUpTo(picture.index());
        String message = "frames " + first + " to " + last + " (" + (last - first + 1) + ") are missing from "
                + split.path() + " between " + fromMillis + " and " + toMillis
                + " ms: the decoder skipped damaged data there";
        if (lost == 0) {
            LOG.warn("Camera {}: {}; the stride skips them all", split.cameraId(), message);
            return null;
        }
        return gap(first, last, lost, fromMillis, message);
    }

    /** A marker for frames missing from the stream; the camera goes on. */
    private PositionedFrame gap(long first, long last, long lost, long timestampMillis, String message) {
        LOG.warn("Camera {}: {}; {} frame(s) rejected", split.cameraId(), message, lost);
        metrics.decodeErrors().inc();
        Frame marker = Frame.gap(split.cameraId(), first, last, lost, timestampMillis, message);
        return new PositionedFrame(marker, position);
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
        while (target > 0 && pending == null) {
            FfmpegVideo.Picture picture;
            try {
                picture = decode();
            } catch (IOException | RuntimeException e) {
                return damage("decode error in " + split.path() + " while resuming at frame " + target + ": "
                        + e.getMessage());
            }
            if (picture == null) {
                return damage("video " + split.path() + " ended before frame " + target
                        + ", where it was to resume (file changed since the checkpoint?)");
            }
            if (picture.index() >= target) {
                pending = picture;
            } else {
                metrics.framesDecoded().inc();
                lastPtsMillisInPass = picture.timestampMicros() / 1000;
            }
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
            String message = "video " + split.path() + " ended after " + decoded + " of " + declared
                    + " declared frames (truncated or corrupt): " + (declared - decoded) + " frames missing";
            long first = position.nextSequence();
            long last = Math.min(position.sequenceBase() + declared - 1, settings.lastSequenceWithinLimit());
            long lost = settings.selectedIn(first, last);
            long timestamp = position.lastTimestampMillis();
            finish();
            return lost == 0 ? null : gap(first, last, lost, timestamp, message);
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
        metrics.decodeErrors().inc();
        finish();
        Frame marker = Frame.damaged(split.cameraId(), sequence, position.lastTimestampMillis(), message);
        return new PositionedFrame(marker, position);
    }

    private void finish() {
        position = position.finish();
        closeVideo();
        if (ffmpegMessages > 0) {
            LOG.warn("Camera {}: FFmpeg logged {} message(s) decoding {} (damaged input?); they are in the job's log"
                    + " under '{}'", split.cameraId(), ffmpegMessages, split.path(), FfmpegLog.LOGGER);
            ffmpegMessages = 0;
        }
    }

    private void closeVideo() {
        pending = null;
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
