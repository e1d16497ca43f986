package dev.vigil.sinks;

import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;
import dev.vigil.operators.track.eval.MotFiles;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes tracks in MOTChallenge text format, one file per camera ({@code <dir>/<camera>.txt}), so a
 * job's tracks can be scored with MOT tools: {@code frame, id, x, y, w, h, score, -1, -1, -1} with
 * 1-based frame numbers ({@code sequence + 1}). Given classes, only tracks of those classes are written (MOTChallenge
 * evaluation expects pedestrians only).
 *
 * <p><b>Delivery:</b> at-least-once; files are flushed at every checkpoint and started empty by a
 * fresh job. After a restore, lines of frames after the checkpoint may appear twice: MOT tools
 * that key on (frame, id) see the same row again.
 */
public final class MotTracksSink implements WriterContextSink<TrackedFrame> {

    private static final long serialVersionUID = 1L;

    private final String dir;
    /** Labels whose tracks are written; null for all. */
    private final HashSet<String> classes;

    public MotTracksSink(Path dir) {
        this(dir, null);
    }

    /** Writes the tracks of {@code classes} (labels) only; null writes all. */
    public MotTracksSink(Path dir, Set<String> classes) {
        this.dir = dir.toAbsolutePath().toString();
        this.classes = classes == null ? null : new HashSet<>(classes);
    }


    @Override
    public SinkWriter<TrackedFrame> createWriter(WriterInitContext context) throws IOException {
        Path directory = Path.of(dir);
        Files.createDirectories(directory);
        boolean restored = context.getRestoredCheckpointId().isPresent();
        return new SinkWriter<>() {
            private final Map<String, BufferedWriter> files = new HashMap<>();

            @Override
            public void write(TrackedFrame frame, Context ctx) throws IOException {
                BufferedWriter out = files.get(frame.cameraId());
                if (out == null) {
                    Path file = directory.resolve(safeName(frame.cameraId()) + ".txt");
                    out = restored
                            ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND)
                            : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    files.put(frame.cameraId(), out);
                }
                for (String line : lines(frame, classes)) {
                    out.write(line);
                    out.newLine();
                }
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                for (BufferedWriter out : files.values()) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                for (BufferedWriter out : files.values()) {
                    out.close();
                }
            }
        };
    }

    /** The rows of a frame's tracks of {@code classes} (all for null). */
    static List<String> lines(TrackedFrame frame, Set<String> classes) {
        List<String> lines = new ArrayList<>(frame.objects().size());
        for (TrackedObject o : frame.objects()) {
            if (classes == null || classes.contains(o.label())) {
                lines.add(MotFiles.line(frame.sequence() + 1, o.trackId(), o.x1(), o.y1(), o.x2() - o.x1(),
                        o.y2() - o.y1(), o.score()));
            }
        }
        return lines;
    }

    /** Camera ids become file names: keep them to characters every file system accepts. */
    static String safeName(String cameraId) {
        return cameraId.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
