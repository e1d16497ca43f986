package dev.vigil.sinks.video;

import dev.vigil.operators.analytics.SnapshotPolicy;
import dev.vigil.operators.visual.TapFrames;
import dev.vigil.operators.visual.VisualFrame;
import dev.vigil.sources.Frame;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The writer of {@link AnnotatedVideoSink}: one painter and one open segment per camera. */
final class AnnotatedVideoWriter implements CommittingSinkWriter<VisualFrame, VideoSegment> {

    static final String PARTS = ".parts";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final VideoSettings settings;
    private final Path dir;
    private final String inProgressSuffix;
    private final Map<String, CameraVideo> cameras = new HashMap<>();
    private final List<VideoSegment> ready = new ArrayList<>();
    private boolean ended;

    AnnotatedVideoWriter(VideoSettings settings, int subtask) throws IOException {
        this.settings = settings;
        this.dir = Path.of(settings.dir());
        this.inProgressSuffix = ".s" + subtask + ".inprogress";
        Files.createDirectories(dir);
        // What a failed attempt of this subtask was writing: its frames come again from the replay.
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(inProgressSuffix)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void write(VisualFrame v, Context context) throws IOException {
        CameraVideo camera = cameras.computeIfAbsent(v.frame().cameraId(), CameraVideo::new);
        if (!v.annotate()) {
            camera.painter.observe(v.overlay());
            return;
        }
        Frame frame = v.frame();
        int w = even(v.overlay().width() * settings.scale());
        int h = even(v.overlay().height() * settings.scale());
        if (frame.width() != w || frame.height() != h) {
            frame = TapFrames.scaled(frame, (double) w / frame.width());
            v = new VisualFrame(frame, v.overlay(), v.lines(), true);
        }
        camera.add(v);
    }

    private static int even(double size) {
        return Math.max(2, (int) Math.round(size) & ~1);
    }

    @Override
    public void flush(boolean endOfInput) {
        ended |= endOfInput;
    }

    @Override
    public Collection<VideoSegment> prepareCommit() throws IOException {
        for (CameraVideo camera : cameras.values()) {
            camera.closeSegment();
            if (ended && settings.bounded() && camera.segments > 0) {
                ready.add(new VideoSegment(camera.id, null, dir.resolve(camera.safeId + ".mp4").toString()));
            }
        }
        List<VideoSegment> out = new ArrayList<>(ready);
        ready.clear();
        return out;
    }

    @Override
    public void close() throws Exception {
        for (CameraVideo camera : cameras.values()) {
            camera.abandon();
        }
    }

    /** One camera's painter and open segment. */
    private final class CameraVideo {
        final String id;
        final String safeId;
        final FramePainter painter;
        int fps;
        int segments;
        FFmpegFrameRecorder recorder;
        Path inProgress;
        Path target;
        long startMillis;
        long lastMillis;
        long framesInSegment;
        BufferedImage held;
        long heldMillis;
        long heldSequence;
        /** The header's frame rate; the video's own ({@link #fps}) is fixed when its file starts. */
        final StreamRate rate = new StreamRate();

        CameraVideo(String id) {
            this.id = id;
            this.safeId = SnapshotPolicy.safe(id);
            this.painter = new FramePainter(settings.geometry().forCamera(id), settings.draw());
        }

        void add(VisualFrame v) throws IOException {
            long ts = v.overlay().timestampMillis();
            if (recorder != null && !settings.bounded() && ts - startMillis >= settings.segment().toMillis()) {
                closeSegment();
            }
            BufferedImage picture = painter.paint(v, rate.add(ts));
            if (recorder == null && held == null) {
                held = picture;
                heldMillis = ts;
                heldSequence = v.overlay().sequence();
                if (fps > 0) {
                    start();
                }
                return;
            }
            if (recorder == null) {
                fps = fps > 0 ? fps : (int) Math.max(1, Math.min(120, Math.round(1000.0 / Math.max(1, ts - heldMillis))));
                start();
            }
            append(picture, ts);
        }

        private void start() throws IOException {
            long sequence = heldSequence;
            String name = settings.bounded()
                    ? String.format("%012d.mp4", sequence)
                    : safeId + "-" + STAMP.format(Instant.ofEpochMilli(heldMillis)) + "-" + sequence + ".mp4";
            Path folder = settings.bounded() ? dir.resolve(PARTS).resolve(safeId) : dir.resolve(safeId);
            Files.createDirectories(folder);
            target = folder.resolve(name);
            inProgress = folder.resolve("." + name + inProgressSuffix);
            recorder = Mp4Files.open(inProgress, held.getWidth(), held.getHeight(), fps);
            startMillis = heldMillis;
            lastMillis = heldMillis;
            framesInSegment = 0;
            BufferedImage first = held;
            held = null;
            append(first, heldMillis);
        }

        private void append(BufferedImage picture, long ts) throws IOException {
            if (!settings.bounded() && framesInSegment > 0 && (ts - lastMillis) * fps > 1500) {
                // A live gap (frames skipped or lost) stays a gap in time.
                recorder.setTimestamp(Math.max(recorder.getTimestamp() + 1, (ts - startMillis) * 1000L));
            }
            Mp4Files.record(recorder, picture.getWidth(), picture.getHeight(), FramePainter.bgr(picture));
            framesInSegment++;
            lastMillis = ts;
        }

        void closeSegment() throws IOException {
            if (recorder == null && held != null) {
                fps = fps > 0 ? fps : 25;
                start();
            }
            if (recorder == null) {
                return;
            }
            recorder.close();
            recorder = null;
            Path pending = target.resolveSibling("." + target.getFileName() + ".pending");
            Files.move(inProgress, pending, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ready.add(new VideoSegment(id, pending.toString(), target.toString()));
            segments++;
        }

        void abandon() {
            try {
                if (recorder != null) {
                    recorder.close();
                    Files.deleteIfExists(inProgress);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
