package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.operators.track.eval.MotBox;
import dev.vigil.operators.track.eval.MotEvaluator;
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

    @Option(names = "--high", description = "High score threshold (default ${DEFAULT-VALUE}).", defaultValue = "0.5")
    float high;

    @Option(names = "--low", description = "Low score threshold (default ${DEFAULT-VALUE}).", defaultValue = "0.1")
    float low;

    @Option(names = "--new-track", description = "Score needed to start a track (default ${DEFAULT-VALUE}).",
            defaultValue = "0.6")
    float newTrack;

    @Option(names = "--match-iou", description = "Smallest IoU for the first association (default ${DEFAULT-VALUE}; "
            + "cost threshold = 1 - this).", defaultValue = "0.2")
    float matchIou;

    @Option(names = "--buffer", description = "Frames a lost track is kept, at 30 fps; scaled by the sequence's "
            + "frameRate when seqinfo.ini has one (default ${DEFAULT-VALUE}).", defaultValue = "30")
    int buffer;

    @Option(names = "--min-hits", description = "Frames to confirm a track (default ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int minHits;

    @Option(names = "--no-fuse-score", description = "Associate on IoU alone, not IoU x score.")
    boolean noFuseScore;

    @Option(names = "--iou", description = "IoU needed for a match when scoring (default ${DEFAULT-VALUE}).",
            defaultValue = "0.5")
    double evalIou;

    private final PrintStream out;

    TrackEvalCommand() {
        this(System.out);
    }

    TrackEvalCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
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
        List<MotBox> dets = MotFiles.read(detFile);
        int frames = Integer.parseInt(info.getOrDefault("seqLength", "0"));
        double fps = Double.parseDouble(info.getOrDefault("frameRate", "30"));
        TrackerSettings settings = settings(fps);
        MotTracking.ScoreRange range = MotTracking.ScoreRange.of(dets);
        if (!range.isProbability()) {
            System.err.printf(Locale.ROOT, "%s: detection scores run from %.3f to %.3f; scaled to [0, 1]%n",
                    name, range.min(), range.max());
        }
        List<MotBox> tracks = MotTracking.run(dets, frames, settings);
        Path tracksFile = output.resolve(name + ".txt");
        MotFiles.writeTracks(tracksFile, tracks);

        Path gtFile = dir.resolve("gt/gt.txt");
        if (!Files.isRegularFile(gtFile)) {
            out.printf("%-28s no gt/gt.txt; tracks written to %s%n", name, tracksFile);
            return;
        }
        List<MotBox> gt = MotFiles.read(gtFile);
        // Score only the frames the ground truth covers (the MOT17 minis cut gt to their first frames).
        int lastGtFrame = gt.stream().mapToInt(MotBox::frame).max().orElse(0);
        List<MotBox> scored = tracks.stream().filter(t -> t.frame() <= lastGtFrame).toList();
        out.println(MotEvaluator.evaluate(gt, scored, evalIou).row(name + " vigil"));
        if (compare != null) {
            Path other = Files.isDirectory(compare) ? compare.resolve(name + ".txt") : compare;
            if (!Files.isRegularFile(other)) {
                out.printf("%-28s (nothing to compare: no %s)%n", "", other);
                return;
            }
            List<MotBox> reference = MotFiles.read(other).stream().filter(t -> t.frame() <= lastGtFrame).toList();
            out.println(MotEvaluator.evaluate(gt, reference, evalIou).row(name + " " + other.getFileName()));
        }
        if (lastGtFrame < frames) {
            out.printf("%-28s (gt covers frames 1-%d of %d; tracks for all frames in %s)%n", "", lastGtFrame,
                    frames, tracksFile);
        }
    }

    TrackerSettings settings(double fps) {
        return TrackerSettings.builder()
                .highScoreThreshold(high)
                .lowScoreThreshold(low)
                .newTrackThreshold(newTrack)
                .matchCostThreshold(1 - matchIou)
                .trackBufferFrames((int) Math.round(buffer * fps / 30.0))
                .minConfirmHits(minHits)
                .fuseScore(!noFuseScore)
                .build();
    }
}
