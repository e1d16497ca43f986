package dev.vigil.sources.file;

import dev.vigil.sources.BgrConverter;
import dev.vigil.sources.FfmpegLog;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One open video file, decoded frame by frame to packed BGR24 with FFmpeg (through JavaCV), each picture
 * at its own size and placed in the stream by its {@link StreamTimeline}.
 *
 * <p>Not thread-safe; a decoder belongs to the one thread that drives it (the split fetcher).
 */
final class FfmpegVideo implements AutoCloseable {

    /**
     * A decoded picture: its index in the stream (0-based, counting frames missing before it), its
     * presentation time, where the stream expected it (earlier when frames are missing before it), and
     * its pixels, rows packed (width * 3 bytes).
     */
    record Picture(long index, long timestampMicros, long expectedMicros, int width, int height, byte[] bgr) {}

    static {
        FfmpegLog.install();
    }

    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final StreamTimeline timeline;
    private final BgrConverter converter = new BgrConverter();
    private final long timeBaseNum;
    private final long timeBaseDen;

    private FfmpegVideo(FFmpegFrameGrabber grabber, VideoInfo info) {
        this.grabber = grabber;
        this.info = info;
        AVStream stream = videoStream(grabber.getFormatContext());
        boolean hasTimeBase = stream != null && stream.time_base().num() > 0 && stream.time_base().den() > 0;
        this.timeBaseNum = hasTimeBase ? stream.time_base().num() : 0;
        this.timeBaseDen = hasTimeBase ? stream.time_base().den() : 1;
        long start = stream != null && stream.start_time() != avutil.AV_NOPTS_VALUE && hasTimeBase
                ? micros(stream.start_time())
                : 0;
        this.timeline = new StreamTimeline(start, info.fps());
    }

    /** Opens the file and reads its headers; throws if FFmpeg cannot open it or it has no video. */
    static FfmpegVideo open(Path file) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        // The pictures as decoded, converted by BgrConverter at their own size.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
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
        if (!(frame.opaque instanceof AVFrame picture)) {
            throw new IOException("decoder returned a frame without an image");
        }
        byte[] bgr = converter.convert(picture);
        long expected = timeline.expectedMicros();
        long index = timeline.place(frame.timestamp, micros(picture.duration()));
        return new Picture(index, frame.timestamp, expected, picture.width(), picture.height(), bgr);
    }

    /** A duration or time in the stream's time base, in microseconds; 0 when the time base is unknown. */
    private long micros(long streamTime) {
        return timeBaseNum == 0 ? 0 : streamTime * 1_000_000L * timeBaseNum / timeBaseDen;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
        converter.close();
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
