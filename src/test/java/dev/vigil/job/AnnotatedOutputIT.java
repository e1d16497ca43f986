package dev.vigil.job;

import dev.vigil.job.cli.VigilCli;
import dev.vigil.testing.ConsoleCapture;
import dev.vigil.testing.StreetRun;
import dev.vigil.testing.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotated video and the event snapshots of {@code conf/street-analytics.yaml} on the real street
 * video, with the real model: the video has every frame of the input, its pixels differ from the raw
 * frame where a track's box is drawn, and each of the 8 line crossings has a snapshot of its vehicle.
 * Checkpoints every 2 s cut the video into segments, which are joined into one file at the end.
 */
class AnnotatedOutputIT {

    static final Path STREET = TestData.data("video/vehicle-counting-street/input_video.mp4");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @TempDir
    Path dir;

    @Test
    void annotatesEveryFrameAndSnapsEveryCrossing() throws Exception {
        int exit = VigilCli.execute(StreetRun.args(dir, "--set", "job.checkpoint-interval=2s",
                "--set", "job.checkpoint-dir=" + dir.resolve("checkpoints"),
                "--set", "output.annotated-dir=" + dir.resolve("video"),
                "--set", "output.snapshots-dir=" + dir.resolve("snapshots")));

        assertThat(exit).as(console.stderr()).isZero();
        Path video = dir.resolve("video/street.mp4");
        assertThat(ffprobe(video, "stream=codec_name")).isEqualTo("h264");
        assertThat(ffprobe(video, "stream=nb_read_frames")).isEqualTo(ffprobe(STREET, "stream=nb_read_frames"));
        // Nothing left behind: segments joined, no partial files.
        try (var left = Files.walk(dir.resolve("video"))) {
            assertThat(left.filter(Files::isRegularFile).map(p -> dir.resolve("video").relativize(p).toString()))
                    .containsExactly("street.mp4");
        }

        // A confirmed track's box: its top edge is drawn over the picture.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tracked = null;
        for (String line : Files.readAllLines(dir.resolve("tracks.jsonl"))) {
            JsonNode frame = mapper.readTree(line);
            if (frame.get("sequence").asLong() >= 100 && frame.get("objects").size() > 0) {
                tracked = frame;
                break;
            }
        }
        assertThat(tracked).isNotNull();
        int sequence = tracked.get("sequence").asInt();
        JsonNode box = tracked.get("objects").get(0).get("box");
        BufferedImage annotated = frameOf(video, sequence, dir.resolve("annotated.png"));
        BufferedImage raw = frameOf(STREET, sequence, dir.resolve("raw.png"));
        assertThat(annotated.getWidth()).isEqualTo(raw.getWidth());
        int y = (int) Math.round(box.get(1).asDouble());
        int x1 = (int) Math.ceil(box.get(0).asDouble()) + 2;
        int x2 = (int) Math.floor(box.get(2).asDouble()) - 2;
        assertThat(meanDifference(annotated, raw, x1, x2, y)).as("box top edge at y=%d", y).isGreaterThan(40);
        // Away from every drawing (bottom left corner, no zone there) the picture is the frame's.
        assertThat(meanDifference(annotated, raw, 5, 60, raw.getHeight() - 5)).isLessThan(12);

        List<JsonNode> crossings = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
            JsonNode event = mapper.readTree(line);
            if (event.get("type").asText().equals("line_crossed")) {
                crossings.add(event);
            }
        }
        assertThat(crossings).hasSize(8);
        for (JsonNode crossing : crossings) {
            String snapshot = crossing.get("snapshot").asText();
            assertThat(snapshot).startsWith("street/").endsWith(".jpg");
            BufferedImage image = ImageIO.read(dir.resolve("snapshots").resolve(snapshot).toFile());
            assertThat(image).as(snapshot).isNotNull();
            assertThat(image.getWidth()).isEqualTo(raw.getWidth());
        }
    }

    static String ffprobe(Path video, String entries) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", entries, "-of", "csv=p=0", video.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Frame {@code index} (0-based, in decoding order) of a video, through the ffmpeg command. */
    static BufferedImage frameOf(Path video, int index, Path png) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", video.toString(), "-vf",
                "select=eq(n\\," + index + ")", "-frames:v", "1", png.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return ImageIO.read(png.toFile());
    }

    /** Mean absolute difference of the RGB channels along row {@code y} from {@code x1} to {@code x2}. */
    static double meanDifference(BufferedImage a, BufferedImage b, int x1, int x2, int y) {
        long sum = 0;
        int n = 0;
        for (int x = Math.max(0, x1); x <= Math.min(a.getWidth() - 1, x2); x++) {
            int p = a.getRGB(x, y);
            int q = b.getRGB(x, y);
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                n++;
            }
        }
        return (double) sum / Math.max(1, n);
    }
}
