package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.Detector;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.operators.track.eval.MotBox;
import dev.vigil.operators.track.eval.MotFiles;
import dev.vigil.operators.track.eval.MotTracking;
import dev.vigil.sources.BgrConverter;
import dev.vigil.sources.FrameImages;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code vigil pan-sequence}: makes a MOTChallenge sequence filmed by a panning camera out of a video from a fixed
 * camera, to measure camera-motion compensation. A window moves over each frame (a pan whose speed and direction
 * keep changing, plus jitter); the crops become {@code img1/}, the model's detections on them {@code det/det.txt}.
 * The ground truth ({@code gt/gt.txt}) is not annotated: it is the tracker's own output on the static version, the
 * same detections put back where they lie in the whole, fixed frame (the window's offset undone), moved into the
 * window again. Both see the very same detections, so scoring against it measures how many of the static
 * version's identities survive the camera's motion, and nothing else.
 */
@Command(
        name = "pan-sequence",
        mixinStandardHelpOptions = true,
        description = {
            "Makes a panning-camera MOTChallenge sequence from a fixed-camera video: moving-window crops (img1/), the "
                    + "model's detections on them (det/det.txt) and, as ground truth, the tracks of the static version "
                    + "(the same detections with the window's offset undone) moved into the window (gt/gt.txt). Score "
                    + "it with track-eval --camera-motion auto|off.",
            "Example: ./vigil pan-sequence -o target/pan && ./vigil track-eval target/pan/street-pan --high 0.4 "
                    + "--new-track 0.4 --camera-motion auto"
        })
final class PanSequenceCommand implements Callable<Integer> {

    /** The video the sequence is cut from, in the data directory. */
    static final String STREET_VIDEO = "video/vehicle-counting-street/input_video.mp4";

    @Option(names = {"-i", "--video"}, paramLabel = "FILE", description = "Fixed-camera video (default: the street "
            + "video in VIGIL_DATA_DIR, " + STREET_VIDEO + ").")
    Path video;

    @Option(names = {"-o", "--output"}, defaultValue = "target/pan-sequence",
            description = "Folder for the sequence <name>-pan (and the static version's <name>-static). Default: "
                    + "${DEFAULT-VALUE}")
    Path output;

    @Option(names = {"-m", "--model"}, defaultValue = "nanodet-plus-m-320", description = "Model (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--model-path", paramLabel = "FILE", description = "Model file.")
    String modelPath;

    @Option(names = "--frames", defaultValue = "0", description = "Frames to use, 0 = all (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--window", defaultValue = "0.7", description = "Window size as a fraction of the frame's width "
            + "and height (default ${DEFAULT-VALUE}).")
    double window;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the path's jitter (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--high", defaultValue = "0.4", description = "Tracker's high and new-track threshold for the "
            + "static version (default ${DEFAULT-VALUE}, Vigil's detectors' defaults); score with the same.")
    float high;

    @Option(names = "--name", description = "Sequence name (default: street for the street video, else the video's "
            + "file name); the folder is <name>-pan.")
    String name;

    private final PrintStream out;

    PanSequenceCommand() {
        this(System.out);
    }

    PanSequenceCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        // ONNX Runtime parses the command line on a thread of its own stack size; see EvaluateCommand.
        int[] exit = {ExitCodes.JOB_FAILED};
        Thread worker = new Thread(null, () -> exit[0] = make(), "vigil-pan-sequence", 64L << 20);
        worker.start();
        worker.join();
        return exit[0];
    }

    /** The window's top-left corner in frame {@code i}: two slow oscillations of changing frequency, plus jitter. */
    static double[][] path(int count, int rangeX, int rangeY, long seed) {
        Random random = new Random(seed);
        double[][] corners = new double[count][2];
        double phaseX = 0;
        double phaseY = 1;
        for (int i = 0; i < count; i++) {
            // Periods between about 1.3 and 4 s at 24 fps, changing over time: speed and direction keep changing.
            phaseX += 2 * Math.PI / (62 + 30 * Math.sin(i / 37.0));
            phaseY += 2 * Math.PI / (75 + 40 * Math.cos(i / 53.0));
            double x = rangeX / 2.0 + (rangeX / 2.0 - 3) * Math.sin(phaseX);
            double y = rangeY / 2.0 + (rangeY / 2.0 - 3) * Math.sin(phaseY);
            // Sub-pixel positions, as a real camera's: the estimate cannot lean on whole-pixel shifts.
            corners[i][0] = Math.max(0, Math.min(rangeX - 1, x + 6 * random.nextDouble() - 3));
            corners[i][1] = Math.max(0, Math.min(rangeY - 1, y + 4 * random.nextDouble() - 2));
        }
        return corners;
    }

    private int make() {
        Path input = video;
        if (input == null) {
            String data = System.getProperty("vigil.data.dir", System.getenv("VIGIL_DATA_DIR"));
            if (data == null) {
                System.err.println("pan-sequence: give -i VIDEO or set VIGIL_DATA_DIR");
                return ExitCodes.CONFIG;
            }
            input = Path.of(data).resolve(STREET_VIDEO);
        }
        if (!Files.isRegularFile(input) || !(window > 0.2 && window < 1)) {
            System.err.println("pan-sequence: need an existing video and 0.2 < --window < 1");
            return ExitCodes.CONFIG;
        }
        String name = this.name != null ? this.name : video == null ? "street"
                : input.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_-]", "_");
        try {
            ModelSettings settings = modelPath != null ? ModelSettings.file(Path.of(modelPath)) : ModelSettings.named(model);
            List<MotBox> panDets = new ArrayList<>();
            Path pan = output.resolve(name + "-pan");
            Path images = pan.resolve("img1");
            Files.createDirectories(images);
            int width;
            int height;
            int cropW;
            int cropH;
            double[][] corners;
            double fps;
            int count = 0;
            try (Detector detector = Detectors.open(settings);
                    BgrConverter converter = new BgrConverter();
                    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input.toFile())) {
                grabber.setImageMode(FrameGrabber.ImageMode.RAW);
                grabber.start();
                width = grabber.getImageWidth();
                height = grabber.getImageHeight();
                fps = grabber.getFrameRate();
                int total = frames > 0 ? frames : grabber.getLengthInVideoFrames();
                cropW = (int) Math.round(width * window) & ~1;
                cropH = (int) Math.round(height * window) & ~1;
                corners = path(total + 16, width - cropW, height - cropH, seed);
                Frame frame;
                while (count < total && (frame = grabber.grabImage()) != null) {
                    if (!(frame.opaque instanceof AVFrame picture)) {
                        throw new IOException("the decoder returned a frame without an image");
                    }
                    byte[] bgr = converter.convert(picture);
                    double[] c = corners[count];
                    byte[] crop = crop(bgr, width, height, c[0], c[1], cropW, cropH);
                    int number = count + 1;
                    detector.detect(List.of(new BgrImage(cropW, cropH, crop))).get(0).detections()
                            .forEach(d -> panDets.add(row(number, d)));
                    Files.write(images.resolve(String.format(Locale.ROOT, "%06d.jpg", number)),
                            FrameImages.jpeg(cropW, cropH, crop, 95));
                    count++;
                }
            }
            // The static version: the same detections where they lie in the fixed frame, tracked with Vigil's
            // detectors' thresholds.
            List<MotBox> staticDets = new ArrayList<>();
            for (MotBox d : panDets) {
                double[] c = corners[d.frame() - 1];
                staticDets.add(new MotBox(d.frame(), -1, d.x() + c[0], d.y() + c[1], d.w(), d.h(), d.conf(), 1, -1));
            }
            TrackerSettings tracker = TrackerSettings.FOR_VIGIL_DETECTORS.toBuilder().highScoreThreshold(high)
                    .newTrackThreshold(high).frameRate(fps).build();
            List<MotBox> staticTracks = MotTracking.run(staticDets, count, tracker, fps, MotTracking.CameraShifts.NONE);
            List<MotBox> gt = new ArrayList<>();
            for (MotBox b : staticTracks) {
                MotBox moved = intoWindow(b, corners[b.frame() - 1], cropW, cropH);
                if (moved != null) {
                    gt.add(moved);
                }
            }
            writeSequence(pan, name + "-pan", panDets, count, fps, cropW, cropH, true);
            MotFiles.writeTracks(pan.resolve("gt/gt.txt"), gt);
            Files.writeString(pan.resolve("PATH.txt"), pathText(corners, count), StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "%d frames of %dx%d cut into a %dx%d window panning over it: %s%n", count, width,
                    height, cropW, cropH, pan);
            out.printf(Locale.ROOT, "ground truth: %d boxes of %d tracks of the static version (the same detections "
                    + "with the window's offset undone), moved into the window%n", gt.size(),
                    gt.stream().mapToInt(MotBox::id).distinct().count());
            return ExitCodes.OK;
        } catch (IOException | RuntimeException e) {
            System.err.println("pan-sequence failed: " + e.getMessage());
            return ExitCodes.JOB_FAILED;
        }
    }

    private static MotBox row(int frame, Detection d) {
        return new MotBox(frame, -1, d.x1(), d.y1(), d.x2() - d.x1(), d.y2() - d.y1(), d.score(), 1, -1);
    }

    /** A static-version box in window coordinates, clipped to the window; null when less than half of it is inside. */
    static MotBox intoWindow(MotBox b, double[] corner, int cropW, int cropH) {
        double x1 = b.x() - corner[0];
        double y1 = b.y() - corner[1];
        double x2 = x1 + b.w();
        double y2 = y1 + b.h();
        double cx1 = Math.max(0, x1);
        double cy1 = Math.max(0, y1);
        double cx2 = Math.min(cropW, x2);
        double cy2 = Math.min(cropH, y2);
        if (cx2 <= cx1 || cy2 <= cy1 || (cx2 - cx1) * (cy2 - cy1) < 0.5 * b.w() * b.h()) {
            return null;
        }
        return new MotBox(b.frame(), b.id(), cx1, cy1, cx2 - cx1, cy2 - cy1, 1, 1, -1);
    }

    /** The {@code cropW x cropH} window at (x, y), bilinearly interpolated. */
    static byte[] crop(byte[] bgr, int width, int height, double x, double y, int cropW, int cropH) {
        byte[] out = new byte[3 * cropW * cropH];
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        for (int row = 0; row < cropH; row++) {
            int top = Math.min(height - 1, y0 + row);
            int bottom = Math.min(height - 1, top + 1);
            for (int col = 0; col < cropW; col++) {
                int left = Math.min(width - 1, x0 + col);
                int right = Math.min(width - 1, left + 1);
                for (int ch = 0; ch < 3; ch++) {
                    double v = (1 - fy) * ((1 - fx) * (bgr[3 * (top * width + left) + ch] & 0xff)
                            + fx * (bgr[3 * (top * width + right) + ch] & 0xff))
                            + fy * ((1 - fx) * (bgr[3 * (bottom * width + left) + ch] & 0xff)
                            + fx * (bgr[3 * (bottom * width + right) + ch] & 0xff));
                    out[3 * (row * cropW + col) + ch] = (byte) Math.round(v);
                }
            }
        }
        return out;
    }

    private static void writeSequence(Path dir, String name, List<MotBox> dets, int count, double fps, int width,
            int height, boolean images) throws IOException {
        Files.createDirectories(dir.resolve("det"));
        Files.createDirectories(dir.resolve("gt"));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("det/det.txt"), StandardCharsets.UTF_8)) {
            for (MotBox d : dets) {
                w.write(String.format(Locale.ROOT, "%d,-1,%.2f,%.2f,%.2f,%.2f,%.4f", d.frame(), d.x(), d.y(), d.w(),
                        d.h(), d.conf()));
                w.newLine();
            }
        }
        String info = "[Sequence]\nname=" + name + "\n" + (images ? "imDir=img1\nimExt=.jpg\n" : "")
                + String.format(Locale.ROOT, "frameRate=%.3f%nseqLength=%d%nimWidth=%d%nimHeight=%d%n", fps, count, width,
                        height);
        Files.writeString(dir.resolve("seqinfo.ini"), info, StandardCharsets.UTF_8);
    }

    private static String pathText(double[][] corners, int count) {
        StringBuilder text = new StringBuilder("# frame, window left, window top (pixels of the source video)\n");
        for (int i = 0; i < count; i++) {
            text.append(String.format(Locale.ROOT, "%d,%.4f,%.4f%n", i + 1, corners[i][0], corners[i][1]));
        }
        return text.toString();
    }
}
