package dev.vigil.sinks.video;

import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves closed segments to their names when their checkpoint completes, joins a file camera's segments
 * when its input ended, and keeps a live camera's segments within their count and bytes. Idempotent:
 * a restored job commits again what its checkpoint knew, which may have been done already.
 */
final class VideoCommitter implements Committer<VideoSegment> {

    private static final Logger LOG = LoggerFactory.getLogger(VideoCommitter.class);

    private final VideoSettings settings;

    VideoCommitter(VideoSettings settings) {
        this.settings = settings;
    }

    @Override
    public void commit(Collection<CommitRequest<VideoSegment>> requests) throws IOException {
        List<CommitRequest<VideoSegment>> joins = new ArrayList<>();
        for (CommitRequest<VideoSegment> r : requests) {
            VideoSegment s = r.getCommittable();
            if (s.isJoin()) {
                joins.add(r);
                continue;
            }
            Path pending = Path.of(s.pending());
            Path target = Path.of(s.target());
            if (Files.exists(pending)) {
                Files.move(pending, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(target)) {
                LOG.warn("annotated video segment {} is missing: neither {} nor the segment is there", target, pending);
                r.signalAlreadyCommitted();
                continue;
            }
            if (!settings.bounded()) {
                retain(target.getParent());
            }
        }
        for (CommitRequest<VideoSegment> r : joins) {
            join(r.getCommittable());
        }
    }

    private static void join(VideoSegment s) throws IOException {
        Path target = Path.of(s.target());
        Path parts = target.resolveSibling(AnnotatedVideoWriter.PARTS).resolve(
                target.getFileName().toString().replaceFirst("\\.mp4$", ""));
        if (!Files.isDirectory(parts)) {
            return;
        }
        List<Path> segments = segments(parts);
        if (!segments.isEmpty()) {
            Path partial = target.resolveSibling("." + target.getFileName() + ".joining");
            if (segments.size() == 1) {
                Files.copy(segments.get(0), partial, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Mp4Files.concat(segments, partial);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (Path p : segments) {
            Files.deleteIfExists(p);
        }
        deleteIfEmpty(parts);
        deleteIfEmpty(parts.getParent());
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> rest = Files.list(folder)) {
            if (rest.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
            // Another camera's join is using it, or has removed it already.
        }
    }

    /** The final segments of a folder, oldest first (their names sort by start). */
    private static List<Path> segments(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".mp4") && !n.startsWith(".");
            }).sorted().toList();
        }
    }

    /** Deletes a live camera's oldest segments beyond the count and bytes allowed; the newest always stays. */
    private void retain(Path folder) throws IOException {
        if (settings.maxSegments() <= 0 && settings.maxBytes() <= 0) {
            return;
        }
        List<Path> segments = new ArrayList<>(segments(folder));
        long bytes = 0;
        for (Path p : segments) {
            bytes += Files.size(p);
        }
        while (segments.size() > 1 && ((settings.maxSegments() > 0 && segments.size() > settings.maxSegments())
                || (settings.maxBytes() > 0 && bytes > settings.maxBytes()))) {
            Path oldest = segments.remove(0);
            bytes -= Files.size(oldest);
            Files.deleteIfExists(oldest);
        }
    }

    @Override
    public void close() {}
}
