package dev.vigil.sources.file;

import dev.vigil.sources.PackedBgr;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One open video file, decoded frame by frame to packed BGR24 with FFmpeg (through JavaCV).
 *
 * <p>Not thread-safe; a decoder belongs to the one thread that drives it (the split fetcher).
 */
final class FfmpegVideo implements AutoCloseable {

    /** A decoded picture: its presentation time and its pixels, rows packed (width * 3 bytes). */
    record Picture(long timestampMicros, int width, int height, byte[] bgr) {}

    static {
        // FFmpeg logs every opened file's stream layout at info level; keep only errors in task logs.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;

    private FfmpegVideo(FFmpegFrameGrabber grabber, VideoInfo info) {
        this.grabber = grabber;
        this.info = info;
    }

    /** Opens the file and reads its headers; throws if FFmpeg cannot open it or it has no video. */
    static FfmpegVideo open(Path file) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new IOException("no video stream");
            }
            return new FfmpegVideo(grabber, readInfo(grabber));
        } catch (IOException | RuntimeException e) {
            closeQuietly(grabber);
            throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
        }
    }

    /** Reads a file's headers and closes it again. */
    static VideoInfo probe(Path file) throws IOException {
        try (FfmpegVideo video = open(file)) {
            return video.info();
        }
    }

    VideoInfo info() {
        return info;
    }

    /**
     * Decodes the next picture, or returns {@code null} at the end of the stream. Throws when FFmpeg
     * reports an error reading or decoding.
     */
    Picture next() throws IOException {
        Frame frame = grabber.grabImage();
        if (frame == null) {
            return null;
        }
        if (frame.image == null || frame.image.length == 0) {
            throw new IOException("decoder returned a frame without an image");
        }
        return new Picture(frame.timestamp, frame.imageWidth, frame.imageHeight, PackedBgr.of(frame));
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static VideoInfo readInfo(FFmpegFrameGrabber grabber) {
        double fps = grabber.getVideoFrameRate();
        long declared = -1;
        long durationMicros = grabber.getLengthInTime();
        AVStream stream = videoStream(grabber.getFormatContext());
        if (stream != null) {
            if (stream.nb_frames() > 0) {
                declared = stream.nb_frames();
            }
            if (stream.duration() > 0 && stream.time_base().den() > 0) {
                durationMicros = stream.duration() * 1_000_000L * stream.time_base().num() / stream.time_base().den();
            }
        }
        if (declared <= 0) {
            declared = grabber.getLengthInVideoFrames();
        }
        return new VideoInfo(
                grabber.getImageWidth(), grabber.getImageHeight(), fps, Math.max(declared, 0), durationMicros / 1000);
    }

    private static AVStream videoStream(AVFormatContext context) {
        if (context == null) {
            return null;
        }
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                return stream;
            }
        }
        return null;
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception | LinkageError ignored) {
            // Closing is best effort: the native context is freed either way or leaks with the process.
        }
    }
}
