package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.models.BgrImage;
import dev.vigil.models.ImageFiles;
import dev.vigil.models.processing.GlobalMotion;
import dev.vigil.operators.track.eval.MotBox;
import dev.vigil.operators.track.eval.MotEvaluator;
import dev.vigil.operators.track.eval.MotExplanation;
import dev.vigil.operators.track.eval.MotFiles;
import dev.vigil.operators.track.eval.MotMetrics;
import dev.vigil.operators.track.eval.MotTracking;
import dev.vigil.operators.track.TrackerSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.vigil.operators.track.TrackerSettings.DEFAULTS;

/**
 * {@code vigil track-eval}: runs the tracker on MOTChallenge public detections and scores it
 * against the ground truth with CLEAR-MOT and IDF1.
 */
@Command(
        name = "track-eval",
        mixinStandardHelpOptions = true,
        description = {
            "Tracks MOTChallenge detections (det/det.txt) with Vigil's ByteTrack-style tracker, writes the tracks "
                    + "in MOTChallenge format and scores them against gt/gt.txt (CLEAR-MOT and IDF1, IoU >= 0.5).",
            "Example: ./vigil track-eval ../shared/data/mot/TUD-Campus --compare ../shared/data/mot/TUD-Campus/results"
        })
final class TrackEvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SEQUENCE", arity = "1..*",
            description = "MOTChallenge sequence folder(s) with det/det.txt, optional gt/gt.txt and seqinfo.ini.")
    List<Path> sequences = new ArrayList<>();

    @Option(names = {"-o", "--output"}, defaultValue = "target/track-eval",
            description = "Folder for the tracks, one <sequence>.txt each. Default: ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--compare", paramLabel = "FILE|DIR",
            description = "Another tracker's MOTChallenge output to score alongside (a file, or a folder "
                    + "holding <sequence>.txt).")
    Path compare;

    @Option(names = "--high", description = "High score threshold (default ${DEFAULT-VALUE}).")
    float high = DEFAULTS.highScoreThreshold();

    @Option(names = "--low", description = "Low score threshold (default ${DEFAULT-VALUE}).")
    float low = DEFAULTS.lowScoreThreshold();

    @Option(names = "--new-track", description = "Score needed to start a track (default ${DEFAULT-VALUE}).")
    float newTrack = DEFAULTS.newTrackThreshold();

    @Option(names = "--match-iou", description = "Smallest IoU for the first association (default ${DEFAULT-VALUE}; "
            + "cost threshold = 1 - this).", defaultValue = "0.2")
    float matchIou;

    @Option(names = "--buffer", description = "Seconds a lost track is kept; frames at the sequence's frame rate "
            + "(default ${DEFAULT-VALUE}: ByteTrack's 30 frames at 30 fps).")
    double buffer = DEFAULTS.trackBufferSeconds();

    @Option(names = "--frame-rate", paramLabel = "FPS", description = "Frame rate of sequences whose seqinfo.ini "
            + "gives none (default ${DEFAULT-VALUE}); --every divides it.", defaultValue = "30")
    double frameRate;

    @Option(names = "--every", paramLabel = "N", description = "Keep every Nth frame (1, 1+N, ...) of the detections, "
            + "ground truth and images, renumbered as a camera at 1/N of the frame rate would (default "
            + "${DEFAULT-VALUE}).", defaultValue = "1")
    int every;

    @Option(names = "--no-observation-centric", description = "Turn off OC-SORT's re-update, direction term and "
            + "recovery on the last observation.")
    boolean noObservationCentric;

    @Option(names = "--no-calibrated-start", description = "Start new tracks' filters as ByteTrack does: aspect "
            + "ratio ten times surer than its measurement, velocity uncertainty of one frame at 30 fps.")
    boolean noCalibratedStart;

    @Option(names = "--momentum", description = "Weight of the direction term (default ${DEFAULT-VALUE}; OC-SORT's "
            + "inertia).")
    float momentum = DEFAULTS.momentumWeight();

    @Option(names = "--momentum-seconds", description = "Span of the direction estimate, seconds (default "
            + "${DEFAULT-VALUE}).")
    double momentumSeconds = DEFAULTS.momentumSeconds();

    @Option(names = "--buffer-scale", description = "Buffered-IoU widening of the leftover association, fraction of "
            + "width and height per side; 0 = off (default ${DEFAULT-VALUE}).")
    float bufferScale = DEFAULTS.bufferScale();

    @Option(names = "--camera-motion", paramLabel = "off|auto", description = "auto: estimate the camera's motion "
            + "from the sequence's images (seqinfo.ini imDir, imExt) and move the tracks by it (default "
            + "${DEFAULT-VALUE}).", defaultValue = "off")
    String cameraMotion;

    @Option(names = "--min-hits", description = "Frames to confirm a track (default ${DEFAULT-VALUE}).")
    int minHits = DEFAULTS.minConfirmHits();

    @Option(names = "--no-fuse-score", description = "Associate on IoU alone, not IoU x score.")
    boolean noFuseScore;

    @Option(names = "--iou", description = "IoU needed for a match when scoring (default ${DEFAULT-VALUE}).",
            defaultValue = "0.5")
    double evalIou;

    @Option(names = "--explain", description = "After each sequence's scores, list every ID switch (frame, object, "
            + "the track it lost and where that track went, the track it got), and the false positives and misses "
            + "by track and by object.")
    boolean explain;

    private final PrintStream out;

    TrackEvalCommand() {
        this(System.out);
    }

    TrackEvalCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (every < 1) {
            System.err.println("track-eval: --every must be 1 or more, got " + every);
            return ExitCodes.CONFIG;
        }
        if (!cameraMotion.equals("off") && !cameraMotion.equals("auto")) {
            System.err.println("track-eval: --camera-motion must be off or auto, got '" + cameraMotion + "'");
            return ExitCodes.CONFIG;
        }
        try {
            out.println(MotMetrics.header());
            for (Path sequence : sequences) {
                evaluate(sequence);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("track-eval failed: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private void evaluate(Path dir) throws IOException {
        Map<String, String> info = MotFiles.readSeqInfo(dir.resolve("seqinfo.ini"));
        String name = info.getOrDefault("name", dir.getFileName().toString());
        Path detFile = dir.resolve("det/det.txt");
        if (!Files.isRegularFile(detFile)) {
            throw new IOException("no detections at " + detFile);
        }
        List<MotBox> dets = MotTracking.everyNth(MotFiles.read(detFile), every);
        int frames = (Integer.parseInt(info.getOrDefault("seqLength", "0")) + every - 1) / every;
        double fps = Double.parseDouble(info.getOrDefault("frameRate", Double.toString(frameRate))) / every;
        TrackerSettings settings = settings(fps);
        MotTracking.ScoreRange range = MotTracking.ScoreRange.of(dets);
        if (!range.isProbability()) {
            System.err.printf(Locale.ROOT, "%s: detection scores run from %.3f to %.3f; scaled to [0, 1]%n",
                    name, range.min(), range.max());
        }
        MotTracking.CameraShifts shifts = MotTracking.CameraShifts.NONE;
        if (settings.cameraMotion()) {
            if (info.containsKey("imDir")) {
                shifts = new ImageShifts(dir.resolve(info.get("imDir")), info.getOrDefault("imExt", ".jpg"), every);
            } else {
                System.err.printf("%s: seqinfo.ini names no images (imDir); tracked without camera motion%n", name);
            }
        }
        List<MotBox> tracks = MotTracking.run(dets, frames, settings, fps, shifts);
        Path tracksFile = output.resolve(name + ".txt");
        MotFiles.writeTracks(tracksFile, tracks);

        Path gtFile = dir.resolve("gt/gt.txt");
        if (!Files.isRegularFile(gtFile)) {
            out.printf("%-28s no gt/gt.txt; tracks written to %s%n", name, tracksFile);
            return;
        }
        List<MotBox> gt = MotTracking.everyNth(MotFiles.read(gtFile), every);
        // Score only the frames the ground truth covers (the MOT17 minis cut gt to their first frames).
        int lastGtFrame = gt.stream().mapToInt(MotBox::frame).max().orElse(0);
        List<MotBox> scored = tracks.stream().filter(t -> t.frame() <= lastGtFrame).toList();
        MotExplanation explanation = new MotExplanation();
        out.println(MotEvaluator.evaluate(gt, scored, evalIou, explanation).row(name + " vigil"));
        if (explain) {
            explanation.lines().forEach(out::println);
        }
        if (compare != null) {
            Path other = Files.isDirectory(compare) ? compare.resolve(name + ".txt") : compare;
            if (!Files.isRegularFile(other)) {
                out.printf("%-28s (nothing to compare: no %s)%n", "", other);
                return;
            }
            List<MotBox> reference = MotTracking.everyNth(MotFiles.read(other), every).stream().filter(t -> t.frame() <= lastGtFrame).toList();
            out.println(MotEvaluator.evaluate(gt, reference, evalIou).row(name + " " + other.getFileName()));
        }
        if (lastGtFrame < frames) {
            out.printf("%-28s (gt covers frames 1-%d of %d; tracks for all frames in %s)%n", "", lastGtFrame,
                    frames, tracksFile);
        }
    }

    /**
     * The camera motion between consecutive (kept) frames, estimated from the sequence's images
     * ({@code 000001.jpg}, ...) as the job's screen step does; none where an image is missing.
     */
    static final class ImageShifts implements MotTracking.CameraShifts {
        private final Path images;
        private final String extension;
        private final int every;
        private int thumbnailFrame = -1;
        private GlobalMotion.Thumbnail thumbnail;

        ImageShifts(Path images, String extension, int every) {
            this.images = images;
            this.extension = extension;
            this.every = every;
        }

        private GlobalMotion.Thumbnail thumbnail(int frame) {
            if (frame == thumbnailFrame) {
                return thumbnail;
            }
            Path file = images.resolve(String.format(Locale.ROOT, "%06d%s", (frame - 1) * every + 1, extension));
            GlobalMotion.Thumbnail t = null;
            if (Files.isRegularFile(file)) {
                BgrImage image = ImageFiles.readBgr(file);
                t = GlobalMotion.thumbnail(image.pixels(), image.width(), image.height());
            }
            thumbnailFrame = frame;
            thumbnail = t;
            return t;
        }

        @Override
        public double[] shift(int frame) {
            GlobalMotion.Thumbnail previous = thumbnail(frame - 1);
            GlobalMotion.Thumbnail current = thumbnail(frame);
            if (previous == null || current == null) {
                return null;
            }
            GlobalMotion.Shift shift = GlobalMotion.estimate(previous, current);
            return shift == null ? null : new double[] {shift.dx(), shift.dy()};
        }
    }

    TrackerSettings settings(double fps) {
        return TrackerSettings.builder()
                .highScoreThreshold(high)
                .lowScoreThreshold(low)
                .newTrackThreshold(newTrack)
                .matchCostThreshold(1 - matchIou)
                .trackBufferSeconds(buffer)
                .frameRate(fps)
                .minConfirmHits(minHits)
                .fuseScore(!noFuseScore)
                .observationCentric(!noObservationCentric)
                .momentumWeight(momentum)
                .momentumSeconds(momentumSeconds)
                .bufferScale(bufferScale)
                .cameraMotion(cameraMotion.equals("auto"))
                .calibratedStart(!noCalibratedStart)
                .build();
    }
}
