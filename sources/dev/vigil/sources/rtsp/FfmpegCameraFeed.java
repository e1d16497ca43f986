package dev.vigil.sources.rtsp;

import dev.vigil.sources.BgrConverter;
import dev.vigil.sources.FfmpegLog;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera decoded by FFmpeg (through JavaCV) to BGR24. FFmpeg's {@code timeout} option bounds both
 * connecting and waiting for each packet, so a stalled camera fails its read instead of blocking.
 *
 * <p>Error messages are FFmpeg's, with its error code spelled out ("Connection refused", "Server
 * returned 404 Not Found"); they may contain the URL, so callers mask them before showing them.
 */
final class FfmpegCameraFeed implements CameraFeed {

    static final Connector CONNECTOR = FfmpegCameraFeed::open;

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");
    /** JavaCV's advice to programmers in its messages, which tells someone running a camera nothing. */
    private static final Pattern JAVACV_HINTS = Pattern.compile(
            "\\s*\\((Has setFormat\\(\\) been called\\?|For more details, make sure FFmpegLogCallback\\.set\\(\\) has been called\\.)\\)");

    static {
        // FFmpeg logs every lost packet of a live stream: to the job's log, not standard error.
        FfmpegLog.install();
    }

    private final FFmpegFrameGrabber grabber;
    private final BgrConverter converter = new BgrConverter();

    private FfmpegCameraFeed(FFmpegFrameGrabber grabber) {
        this.grabber = grabber;
    }

    static FfmpegCameraFeed open(CameraConnection camera) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(camera.connectUrl());
        grabber.setFormat("rtsp");
        grabber.setOption("rtsp_transport", camera.transport().ffmpegName());
        grabber.setOption("timeout", Long.toString(camera.timeout().toMillis() * 1000));
        // Live video: hand each frame on as soon as it is decoded instead of buffering for smoothness.
        grabber.setOption("fflags", "nobuffer");
        // The pictures as decoded, converted by BgrConverter at their own size (a stream may change size).
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            // start() holds a JVM-wide lock (kept from FFmpeg versions whose codec opening was not
            // thread-safe) for the whole connect, so one camera waiting out its timeout would hold up every
            // other camera's connect; FFmpeg 8 opens codecs thread-safely, so connect without that lock.
            grabber.startUnsafe();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new IOException("the stream has no video");
            }
            return new FfmpegCameraFeed(grabber);
        } catch (IOException | RuntimeException e) {
            closeQuietly(grabber);
            throw explained(e);
        }
    }

    @Override
    public Picture next() throws IOException {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (IOException | RuntimeException e) {
            throw explained(e);
        }
        if (frame == null) {
            return null;
        }
        if (!(frame.opaque instanceof AVFrame picture)) {
            throw new IOException("decoder returned a frame without an image");
        }
        return new Picture(picture.width(), picture.height(), converter.convert(picture));
    }

    @Override
    public double frameRate() {
        double rate = grabber.getFrameRate();
        return Double.isFinite(rate) && rate > 0 && rate < 1000 ? rate : 0;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
        converter.close();
    }

    /** The exception with FFmpeg's error code, if its message has one, turned into words. */
    private static IOException explained(Exception e) {
        String message = JAVACV_HINTS.matcher(String.valueOf(e.getMessage())).replaceAll("");
        Matcher m = ERROR_CODE.matcher(message);
        if (m.find()) {
            byte[] text = new byte[256];
            if (avutil.av_strerror(Integer.parseInt(m.group(1)), text, text.length) == 0) {
                int end = 0;
                while (end < text.length && text[end] != 0) {
                    end++;
                }
                message = new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + message + ")";
            }
        }
        // The cause is left out on purpose: its message holds the unmasked URL.
        return new IOException(message);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception | LinkageError ignored) {
            // Best effort: the native context is freed either way or leaks with the process.
        }
    }
}
