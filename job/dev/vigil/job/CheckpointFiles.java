package dev.vigil.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checkpoints a job wrote to a local directory, laid out as Flink's file system storage lays them out:
 * {@code <checkpoint-dir>/<job id>/chk-<n>/_metadata}, with {@code shared/} and {@code taskowned/} beside.
 */
public final class CheckpointFiles {

    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private static final String METADATA = "_metadata";

    private CheckpointFiles() {}

    /**
     * The newest complete checkpoint at or below {@code path}: the path itself when it is a checkpoint (or its
     * {@code _metadata} file), else the highest-numbered one in it or in one of its job folders.
     */
    public static Optional<Path> latest(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().equals(METADATA) && Files.isRegularFile(path)) {
            return Optional.of(path.getParent());
        }
        if (Files.isRegularFile(path.resolve(METADATA))) {
            return Optional.of(path);
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Stream<Path> found = Files.find(path, 2,
                (p, attributes) -> attributes.isDirectory() && number(p) >= 0 && Files.isRegularFile(p.resolve(METADATA)))) {
            return found.max(Comparator.comparingLong((Path p) -> lastModified(p)).thenComparingLong(CheckpointFiles::number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a job's checkpoint folder, and the checkpoint directory above it when nothing else is left there. */
    static void delete(Path jobFolder) throws IOException {
        if (Files.exists(jobFolder)) {
            try (Stream<Path> all = Files.walk(jobFolder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Path parent = jobFolder.getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> rest = Files.list(parent)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            }
        }
    }

    private static long number(Path checkpoint) {
        Matcher m = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve(METADATA)).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
