package dev.vigil.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * High-resolution test videos, made at test time from the street video with the {@code ffmpeg} command
 * (a Debian package that CI installs): the shared fixtures stay as they are, and nothing derived from
 * them is committed. Made once per build, under {@code target/test-videos}.
 */
public final class HdVideos {

    private static final Path DIR = Path.of("target", "test-videos");

    private HdVideos() {}

    /** The first {@code frames} frames of the street video scaled to 1920x1080. */
    public static Path street1080p(int frames) {
        return scaled(1920, 1080, frames);
    }

    /** The first {@code frames} frames of the street video scaled to 3840x2160. */
    public static Path street4k(int frames) {
        return scaled(3840, 2160, frames);
    }

    private static synchronized Path scaled(int width, int height, int frames) {
        Path out = DIR.resolve("street-" + width + "x" + height + "-" + frames + ".mp4").toAbsolutePath();
        if (Files.isRegularFile(out)) {
            return out;
        }
        Path source = TestData.data("video/vehicle-counting-street/input_video.mp4");
        try {
            Files.createDirectories(out.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + out + ": " + e, e);
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial.mp4");
        FfmpegCli.run(out, "-i", source.toString(), "-frames:v", Integer.toString(frames),
                "-vf", "scale=" + width + ":" + height, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "23",
                "-pix_fmt", "yuv420p", partial.toString());
        try {
            Files.move(partial, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + out + ": " + e, e);
        }
        return out;
    }
}
