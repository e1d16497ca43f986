package dev.vigil.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code ffmpeg} command (a Debian package that CI installs), which makes test videos from the fixtures. */
final class FfmpegCli {

    private FfmpegCli() {}

    /** Runs {@code ffmpeg -v error -y <arguments>} to make {@code making}; throws with its output if it fails. */
    static void run(Path making, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        try {
            Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(ffmpeg.getInputStream().readAllBytes());
            if (!ffmpeg.waitFor(5, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make " + making + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ffmpeg (Debian package ffmpeg) to make " + making + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
