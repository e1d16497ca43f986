package dev.vigil.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Broken copies of the street video (905 frames, 640x352, 24 fps), made at test time under
 * {@code target/test-videos} as {@link HdVideos} makes its videos: the shared fixtures stay as they are, and
 * nothing derived from them is committed.
 */
public final class BrokenVideos {

    private static final Path DIR = Path.of("target", "test-videos");

    /** Where {@link #damagedStreet()} overwrites bytes, and how many: in the middle of the frame data. */
    public static final long DAMAGE_OFFSET = 1_000_000;
    public static final int DAMAGE_BYTES = 300_000;

    private BrokenVideos() {}

    /**
     * The street video with {@value #DAMAGE_BYTES} bytes from offset {@value #DAMAGE_OFFSET} overwritten by
     * zeros, as {@code dd conv=notrunc} would: the container is intact, so the file has all 905 frames on
     * its timeline, and the decoder drops the ones whose data is gone.
     */
    public static synchronized Path damagedStreet() {
        Path out = DIR.resolve("street-damaged.mp4").toAbsolutePath();
        if (Files.isRegularFile(out)) {
            return out;
        }
        try {
            Files.createDirectories(out.getParent());
            Path partial = out.resolveSibling(out.getFileName() + ".partial.mp4");
            Files.copy(street(), partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
                file.seek(DAMAGE_OFFSET);
                file.write(new byte[DAMAGE_BYTES]);
            }
            Files.move(partial, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + out + ": " + e, e);
        }
    }

    /**
     * {@code frames} frames of the street video at 640x352, then {@code frames} more at 320x176, as one
     * MPEG-TS stream whose frame size changes in the middle (B-frames on, so the decoder holds pictures
     * back across the change). Both parts start after the street video's one frame of double length, which
     * MPEG-TS, having no frame durations, would turn into a missing frame.
     */
    public static synchronized Path sizeChangingStreet(int frames) {
        Path out = DIR.resolve("street-size-change-" + frames + ".ts").toAbsolutePath();
        if (Files.isRegularFile(out)) {
            return out;
        }
        try {
            Files.createDirectories(out.getParent());
            Path large = DIR.resolve("street-640-" + frames + ".ts").toAbsolutePath();
            Path small = DIR.resolve("street-320-" + frames + ".ts").toAbsolutePath();
            Path list = DIR.resolve("street-size-change-" + frames + ".txt").toAbsolutePath();
            FfmpegCli.run(out, "-ss", "2", "-i", street().toString(), "-frames:v", Integer.toString(frames), "-an",
                    "-c:v", "libx264", "-preset", "fast", "-pix_fmt", "yuv420p", "-f", "mpegts", large.toString());
            FfmpegCli.run(out, "-ss", "10", "-i", street().toString(), "-frames:v", Integer.toString(frames), "-an",
                    "-vf", "scale=320:176", "-c:v", "libx264", "-preset", "fast", "-pix_fmt", "yuv420p",
                    "-f", "mpegts", small.toString());
            Files.writeString(list, "file '" + large + "'\nfile '" + small + "'\n");
            Path partial = out.resolveSibling(out.getFileName() + ".partial.ts");
            FfmpegCli.run(out, "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "mpegts",
                    partial.toString());
            Files.move(partial, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + out + ": " + e, e);
        }
    }

    private static Path street() {
        return TestData.data("video/vehicle-counting-street/input_video.mp4");
    }
}
