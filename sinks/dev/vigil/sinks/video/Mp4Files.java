package dev.vigil.sinks.video;

import dev.vigil.sources.FfmpegLog;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * MP4 files through the FFmpeg that JavaCV bundles. Its build has no libx264 (it is LGPL); its H.264
 * encoder is OpenH264 ({@value #H264}), which is used. Should a build lack it, MPEG-4 Part 2 is the
 * fallback, and the log says so once.
 */
final class Mp4Files {

    static final String H264 = "libopenh264";

    private static final Logger LOG = LoggerFactory.getLogger(Mp4Files.class);
    private static volatile boolean warnedFallback;

    private Mp4Files() {}

    /** An open H.264 MP4 recorder of BGR pictures of the given size (even) and whole frame rate. */
    static FFmpegFrameRecorder open(Path file, int width, int height, int fps) throws IOException {
        FfmpegLog.install();
        FFmpegFrameRecorder recorder = recorder(file, width, height, fps);
        recorder.setVideoCodecName(H264);
        try {
            recorder.start();
            return recorder;
        } catch (FFmpegFrameRecorder.Exception e) {
            recorder.close();
            if (!warnedFallback) {
                warnedFallback = true;
                LOG.warn("FFmpeg has no H.264 encoder ({}): annotated videos are MPEG-4 Part 2", e.getMessage());
            }
            FFmpegFrameRecorder mpeg4 = recorder(file, width, height, fps);
            mpeg4.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            mpeg4.start();
            return mpeg4;
        }
    }

    private static FFmpegFrameRecorder recorder(Path file, int width, int height, int fps) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        // About 0.15 bits per pixel: text and thin lines stay legible.
        recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, Math.max(200_000, 0.15 * width * height * fps)));
        recorder.setGopSize(Math.max(1, fps * 2));
        return recorder;
    }

    /** Records one BGR24 picture of the recorder's size. */
    static void record(FFmpegFrameRecorder recorder, int width, int height, byte[] bgr) throws IOException {
        recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 3, width * 3, avutil.AV_PIX_FMT_BGR24,
                ByteBuffer.wrap(bgr));
    }

    /**
     * Joins MP4 files made by {@link #open} with the same settings into one, packets copied (no
     * re-encoding), each part's timestamps moved on by the parts before it.
     */
    static void concat(List<Path> parts, Path target) throws IOException {
        FfmpegLog.install();
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to join into " + target);
        }
        try (FFmpegFrameGrabber first = new FFmpegFrameGrabber(parts.get(0).toFile())) {
            first.start();
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.toFile(), first.getImageWidth(),
                    first.getImageHeight(), 0)) {
                out.setFormat("mp4");
                out.start(first.getFormatContext());
                long offset = 0;
                for (int i = 0; i < parts.size(); i++) {
                    FFmpegFrameGrabber in = i == 0 ? first : new FFmpegFrameGrabber(parts.get(i).toFile());
                    try {
                        if (i > 0) {
                            in.start();
                        }
                        long end = offset;
                        AVPacket packet;
                        while ((packet = in.grabPacket()) != null) {
                            if (packet.stream_index() != 0) {
                                avcodec.av_packet_unref(packet);
                                continue;
                            }
                            long duration = Math.max(1, packet.duration());
                            packet.pts(packet.pts() + offset);
                            packet.dts(packet.dts() + offset);
                            end = Math.max(end, packet.pts() + duration);
                            out.recordPacket(packet);
                        }
                        offset = end;
                    } finally {
                        if (i > 0) {
                            in.close();
                        }
                    }
                }
            }
        }
    }
}
