package dev.vigil.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.BrokenVideos;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg's complaints about a damaged video reach the job's log, not standard error. FFmpeg writes to the
 * process's file descriptor 2 itself, past {@code System.err}, so this runs the decoder in a JVM of its own,
 * logging as the embedded run does ({@code job/vigil-log4j2.properties}: the console shows Vigil's warnings).
 */
class FfmpegLogTest {

    @Test
    void decodingADamagedVideoLogsFfmpegsMessagesAndPrintsNoneOfThem() throws Exception {
        Path logFile = Path.of("target", "ffmpeg-log-test.log").toAbsolutePath();
        Files.deleteIfExists(logFile);
        Path stderr = Path.of("target", "ffmpeg-log-test.stderr").toAbsolutePath();
        Process decoder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                        "-Dlog4j2.configurationFile=job/vigil-log4j2.properties",
                        "-Dvigil.log.file=" + logFile,
                        DecodeAll.class.getName(), BrokenVideos.damagedStreet().toString())
                .redirectError(stderr.toFile())
                .start();
        String stdout = new String(decoder.getInputStream().readAllBytes());
        assertThat(decoder.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(decoder.exitValue()).as(stdout + Files.readString(stderr)).isZero();
        assertThat(stdout).containsPattern("decoded \\d+ frames, FFmpeg logged [1-9]\\d* messages");
        assertThat(Files.readString(stderr)).as("standard error").doesNotContain("h264").doesNotContain("NAL");
        assertThat(Files.readString(logFile)).containsPattern(" ffmpeg - .*(NAL|h264|Invalid data)");
    }

    /** Decodes a video in this JVM past its damage and says how many frames and FFmpeg messages there were. */
    public static final class DecodeAll {
        /** The damaged street video's frames 0..360 decode, and the next ones after the damage. */
        private static final int FRAMES_PAST_THE_DAMAGE = 370;

        public static void main(String[] args) throws Exception {
            int frames = FileVideoSource.readFrames(Path.of(args[0]), "damaged", FRAMES_PAST_THE_DAMAGE).size();
            System.out.println("decoded " + frames + " frames, FFmpeg logged " + FfmpegLog.messages() + " messages");
        }
    }
}
