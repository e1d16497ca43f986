package dev.vigil.sinks.video;

import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.SnapshotPolicy;
import dev.vigil.operators.visual.VisualFrame;
import dev.vigil.sinks.WriterContextSink;
import dev.vigil.sources.FrameImages;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes one JPEG per analytics event that has a {@link AnalyticsEvent#snapshot()}: the frame the event
 * was decided in, with the event's track highlighted, at {@code <dir>/<camera>/<event id>.jpg}
 * ({@link SnapshotPolicy#relativePath}). The name depends on the event alone, so a replay after a restore
 * writes the same file again (each written whole under a hidden name, then moved into place).
 */
public final class SnapshotSink implements WriterContextSink<VisualFrame> {

    private static final long serialVersionUID = 1L;

    /**
     * @param dir the snapshots folder
     * @param crop whether a snapshot is cut to the track's box and a margin
     * @param quality JPEG quality, 1 to 100
     * @param maxBytes a camera's snapshots take at most this many bytes, the oldest deleted first (0: no limit)
     */
    public record Settings(String dir, boolean crop, int quality, long maxBytes) implements Serializable {
        public Settings {
            Objects.requireNonNull(dir, "dir");
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
            }
        }
    }

    private final Settings settings;

    public SnapshotSink(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public SinkWriter<VisualFrame> createWriter(WriterInitContext context) {
        return new Writer(settings);
    }

    /** Writes the snapshots of each frame's events; keeps each camera's folder within its bytes. */
    static final class Writer implements SinkWriter<VisualFrame> {

        private final Settings settings;
        private final Path dir;
        private final Map<String, Long> bytesByCamera = new HashMap<>();

        Writer(Settings settings) {
            this.settings = settings;
            this.dir = Path.of(settings.dir());
        }

        @Override
        public void write(VisualFrame v, Context context) throws IOException {
            for (AnalyticsEvent e : v.overlay().events()) {
                if (e.snapshot() == null) {
                    continue;
                }
                Path file = dir.resolve(SnapshotPolicy.relativePath(e));
                Files.createDirectories(file.getParent());
                byte[] jpeg = FrameImages.jpeg(FramePainter.snapshot(v, e, settings.crop()), settings.quality());
                Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
                Files.write(partial, jpeg);
                long before = Files.exists(file) ? Files.size(file) : 0;
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (settings.maxBytes() > 0) {
                    keepWithin(file.getParent(), e.cameraId(), jpeg.length - before);
                }
            }
        }

        private void keepWithin(Path folder, String camera, long added) throws IOException {
            Long known = bytesByCamera.get(camera);
            long bytes = known == null ? size(folder) : known + added;
            if (bytes > settings.maxBytes()) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.list(folder)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".jpg")).forEach(files::add);
                }
                files.sort(Comparator.comparing(Writer::modified).thenComparing(Comparator.naturalOrder()));
                for (int i = 0; i < files.size() - 1 && bytes > settings.maxBytes(); i++) {
                    bytes -= Files.size(files.get(i));
                    Files.deleteIfExists(files.get(i));
                }
            }
            bytesByCamera.put(camera, bytes);
        }

        private static long size(Path folder) throws IOException {
            try (Stream<Path> s = Files.list(folder)) {
                long total = 0;
                for (Path p : (Iterable<Path>) s::iterator) {
                    total += Files.size(p);
                }
                return total;
            }
        }

        private static FileTime modified(Path p) {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return FileTime.fromMillis(0);
            }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
