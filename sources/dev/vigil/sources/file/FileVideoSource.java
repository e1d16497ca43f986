package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Video files as cameras: each file is decoded with FFmpeg into BGR24 {@link Frame}s, one camera
 * per file.
 *
 * <p><b>What is emitted.</b> Per camera, frames in decoding order; {@link Frame#sequence()} is the
 * frame's index in the video (counting frames skipped by the stride, and going on across loops),
 * {@link Frame#timestampMillis()} its presentation time (plus the duration of completed loops). The
 * record timestamp is the same event time.
 *
 * <p><b>Damage.</b> Frames FFmpeg drops in the middle of a file (damaged data it skips without an
 * error) keep their sequences: each gap becomes one {@linkplain Frame#gap gap marker} before the next
 * frame, and the camera goes on (see {@link StreamTimeline} for how gaps are found, also at variable
 * frame rate). A file that cannot be opened at runtime or a decode error yields exactly one
 * {@linkplain Frame#damaged damaged} frame for that camera, at the sequence where reading failed,
 * after all frames decoded before it, and a stream that ends more than
 * {@value SplitDecoder#MISSING_FRAME_TOLERANCE} frames before the count its container declares a gap
 * marker for its missing end. Then that camera ends normally; the job is not failed and other cameras
 * go on. The builder already rejects files that are missing, unreadable or not decodable as video at
 * all (a file that breaks between building and running yields a damage marker at sequence 0). Every
 * frame carries its own size: a stream may change size.
 *
 * <p><b>Checkpoints.</b> A camera's state is the index of the next frame to decode. After a
 * restore, each camera continues with the first frame not emitted before the checkpoint: within
 * Flink's checkpointed state every frame is emitted exactly once. Downstream, frames emitted after
 * the last completed checkpoint are emitted again after a failure (at-least-once at the output,
 * unless the sink is transactional). Resuming re-decodes the file from its start up to that frame
 * and discards the frames before it (exact, but it costs decode time proportional to the position).
 *
 * <p><b>Parallelism.</b> Camera <i>i</i> (in the order added) is read by subtask <i>i mod
 * parallelism</i>; each subtask decodes its cameras in one fetcher thread, taking turns. Every
 * TaskManager must see the files under the configured paths.
 */
public final class FileVideoSource
        implements Source<Frame, VideoSplit, PendingVideoSplits>, ResultTypeQueryable<Frame> {

    private static final long serialVersionUID = 1L;

    private final List<VideoSplit> cameras;
    /** Each camera's video headers, as probed when the source was built. */
    private final Map<String, VideoInfo> videoInfos;
    private final DecodeSettings settings;
    private final long expectedFrames;

    private FileVideoSource(List<VideoSplit> cameras, Map<String, VideoInfo> videoInfos, DecodeSettings settings,
            long expectedFrames) {
        this.cameras = List.copyOf(cameras);
        this.videoInfos = Collections.unmodifiableMap(new LinkedHashMap<>(videoInfos));
        this.settings = settings;
        this.expectedFrames = expectedFrames;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a video file's headers: size, frame rate, declared frame count and duration.
     *
     * @throws IOException if the file is not there or FFmpeg cannot open it as video
     */
    public static VideoInfo probe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("video file not found: " + file);
        }
        return FfmpegVideo.probe(file);
    }

    /**
     * Decodes the first {@code maxFrames} frames of {@code file} into memory, outside Flink: for
     * benchmarks and tools that need the same pixels the source would emit.
     */
    public static List<Frame> readFrames(Path file, String cameraId, int maxFrames) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (FfmpegVideo video = FfmpegVideo.open(file)) {
            FfmpegVideo.Picture picture;
            while (frames.size() < maxFrames && (picture = video.next()) != null) {
                frames.add(Frame.bgr(cameraId, frames.size(), picture.timestampMicros() / 1000, picture.width(),
                        picture.height(), picture.bgr()));
            }
        }
        return frames;
    }

    /**
     * Total frames this source will emit over all cameras, from the frame counts the files declare,
     * the stride and the frame limit; {@code -1} when it loops without a frame limit. Damage markers
     * are not counted, and a file whose declared count is off by a frame changes the real total
     * likewise; meant for progress reports.
     */
    public long expectedFrames() {
        return expectedFrames;
    }

    /** Camera ids in the order they were added. */
    public List<String> cameraIds() {
        List<String> ids = new ArrayList<>(cameras.size());
        for (VideoSplit camera : cameras) {
            ids.add(camera.cameraId());
        }
        return ids;
    }

    /** Each camera's video headers (size, frame rate, declared frames), by camera id in the order added. */
    public Map<String, VideoInfo> videoInfos() {
        return videoInfos;
    }

    /** Bounded unless it loops without a frame limit. */
    @Override
    public Boundedness getBoundedness() {
        return settings.loop() && settings.maxFrames() == 0
                ? Boundedness.CONTINUOUS_UNBOUNDED
                : Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Frame, VideoSplit> createReader(SourceReaderContext readerContext) {
        return new FileVideoReader(readerContext, settings);
    }

    @Override
    public SplitEnumerator<VideoSplit, PendingVideoSplits> createEnumerator(
            SplitEnumeratorContext<VideoSplit> enumContext) {
        return new VideoSplitEnumerator(enumContext, cameraIds(), cameras);
    }

    @Override
    public SplitEnumerator<VideoSplit, PendingVideoSplits> restoreEnumerator(
            SplitEnumeratorContext<VideoSplit> enumContext, PendingVideoSplits checkpoint) {
        return new VideoSplitEnumerator(enumContext, cameraIds(), checkpoint.splits());
    }

    @Override
    public SimpleVersionedSerializer<VideoSplit> getSplitSerializer() {
        return VideoSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<PendingVideoSplits> getEnumeratorCheckpointSerializer() {
        return PendingVideoSplitsSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<Frame> getProducedType() {
        return TypeInformation.of(Frame.class);
    }

    /** Collects the files and settings; {@link #build()} checks them all. */
    public static final class Builder {

        private final List<Path> files = new ArrayList<>();
        private final List<String> requestedIds = new ArrayList<>();
        private int frameStride = 1;
        private long maxFrames;
        private boolean loop;
        private boolean realtime;

        private Builder() {}

        /**
         * Adds a camera that plays this file.
         *
         * @param cameraIdOrNull the camera id; {@code null} means the file name without extension
         */
        public Builder addVideo(Path file, String cameraIdOrNull) {
            if (file == null) {
                throw new IllegalArgumentException("video file must not be null");
            }
            files.add(file);
            requestedIds.add(cameraIdOrNull);
            return this;
        }

        /** Emit every Nth decoded frame (sequence numbers divisible by N); 1 (the default) = all. */
        public Builder frameStride(int n) {
            this.frameStride = n;
            return this;
        }

        /**
         * Stop each camera after this many frames of its stream that the stride selects, emitted or lost to
         * damage; 0 (the default) = no limit.
         */
        public Builder maxFrames(long maxFrames) {
            this.maxFrames = maxFrames;
            return this;
        }

        /** Start each file over at its end; the source is then unbounded unless maxFrames is set. */
        public Builder loop(boolean loop) {
            this.loop = loop;
            return this;
        }

        /** Emit each frame at its presentation time, as a live camera would; off = as fast as decoded. */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * Checks the settings and probes every file.
         *
         * @throws IllegalArgumentException naming the first problem found
         */
        public FileVideoSource build() {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no video added: call addVideo(file, cameraId) at least once");
            }
            if (frameStride < 1) {
                throw new IllegalArgumentException("frameStride must be >= 1, was " + frameStride);
            }
            if (maxFrames < 0) {
                throw new IllegalArgumentException("maxFrames must be >= 0 (0 = no limit), was " + maxFrames);
            }
            Map<String, Path> byCamera = new LinkedHashMap<>();
            Map<String, VideoInfo> infos = new LinkedHashMap<>();
            List<VideoSplit> splits = new ArrayList<>();
            long expected = 0;
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String cameraId = cameraId(file, requestedIds.get(i));
                Path previous = byCamera.putIfAbsent(cameraId, file);
                if (previous != null) {
                    throw new IllegalArgumentException("two videos would both be camera '" + cameraId + "' ("
                            + previous + " and " + file + "); each needs a camera id of its own");
                }
                VideoInfo info = checkedInfo(file);
                if (info.frameCount() == 0 && loop) {
                    throw new IllegalArgumentException(
                            "video declares no frames and cannot be looped: " + file);
                }
                infos.put(cameraId, info);
                splits.add(new VideoSplit(cameraId, file.toString(), ReadPosition.START));
                expected += expectedFramesOf(info);
            }
            DecodeSettings settings = new DecodeSettings(frameStride, maxFrames, loop, realtime);
            long total = loop ? (maxFrames > 0 ? maxFrames * splits.size() : -1) : expected;
            return new FileVideoSource(splits, infos, settings, total);
        }

        private long expectedFramesOf(VideoInfo info) {
            long emitted = (info.frameCount() + frameStride - 1) / frameStride;
            return maxFrames > 0 ? Math.min(emitted, maxFrames) : emitted;
        }

        private static String cameraId(Path file, String requested) {
            if (requested == null) {
                String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 ? name.substring(0, dot) : name;
            }
            if (requested.isBlank()) {
                throw new IllegalArgumentException("camera id must not be blank (video " + file + ")");
            }
            return requested;
        }

        private static VideoInfo checkedInfo(Path file) {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("video file not found: " + file);
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("video path is not a regular file: " + file);
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("video file not readable: " + file);
            }
            try {
                return FfmpegVideo.probe(file);
            } catch (IOException | RuntimeException | LinkageError e) {
                throw new IllegalArgumentException("not a video file FFmpeg can read: " + file + " ("
                        + openFailure(e) + ")", e);
            }
        }

        /** What FFmpeg said, as a user reads it: its own error text, not JavaCV's advice to programmers. */
        private static String openFailure(Throwable e) {
            String message = String.valueOf(e.getMessage()).replace(" (Has setFormat() been called?)", "");
            java.util.regex.Matcher code = OPEN_ERROR.matcher(message);
            if (!code.find()) {
                return message;
            }
            byte[] text = new byte[256];
            org.bytedeco.ffmpeg.global.avutil.av_strerror(Integer.parseInt(code.group(1)), text, text.length);
            int end = 0;
            while (end < text.length && text[end] != 0) {
                end++;
            }
            return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static final java.util.regex.Pattern OPEN_ERROR =
                java.util.regex.Pattern.compile("avformat_open_input\\(\\) error (-?\\d+)");
    }
}
