package dev.vigil.sources;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends what FFmpeg (libav*) logs to the job's log, through SLF4J under the logger {@value #LOGGER}, instead
 * of the process's standard error, where a damaged video's hundreds of decoder complaints used to bury the
 * console. Outside Vigil's own loggers on purpose: the console of an embedded run shows only Vigil's
 * warnings, and a source sums these messages up per camera instead (see {@link #messages()}).
 *
 * <p>{@link #install()} sets the callback and FFmpeg's level once per JVM (the callback and the level are
 * global to the process). FFmpeg calls back only when it has something to log at warning level or worse, so
 * decoding costs nothing more per frame.
 */
public final class FfmpegLog {

    /** The SLF4J logger FFmpeg's messages go to. */
    public static final String LOGGER = "ffmpeg";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final AtomicLong MESSAGES = new AtomicLong();

    /** Referenced here so that the native side's callback is never garbage collected. */
    private static final LogCallback CALLBACK = new LogCallback() {
        @Override
        public void call(int level, BytePointer message) {
            log(level, message.getString(StandardCharsets.UTF_8).strip());
        }
    };

    static {
        // Warnings and errors only: at info level FFmpeg describes every stream it opens.
        avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        avutil.setLogCallback(CALLBACK);
    }

    private FfmpegLog() {}

    /** Routes FFmpeg's log to SLF4J; the first call does it, later calls do nothing. */
    public static void install() {
        // Loading this class ran the static initializer, which did the work once.
    }

    /**
     * Messages FFmpeg logged in this JVM so far. A decoder reads it before and after its own calls to
     * count the messages that came while it decoded.
     */
    public static long messages() {
        return MESSAGES.get();
    }

    static void log(int level, String message) {
        if (message.isEmpty()) {
            return;
        }
        MESSAGES.incrementAndGet();
        if (level <= avutil.AV_LOG_ERROR) {
            LOG.error(message);
        } else if (level <= avutil.AV_LOG_WARNING) {
            LOG.warn(message);
        } else {
            LOG.info(message);
        }
    }
}
