package dev.vigil.job.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files and directories a job writes, checked on the client before anything starts, so that a
 * path that cannot be written fails in seconds with the key it came from.
 */
public final class OutputPaths {

    private OutputPaths() {}

    /** The absolute path an output option names, with a problem noted if it cannot be written. */
    public static Path writable(VigilConfig config, ConfigOption<String> option, List<String> problems) {
        int problemsBefore = problems.size();
        Path file = config.path(option, problems);
        if (problems.size() > problemsBefore) {
            return file;
        }
        if (Files.isDirectory(file)) {
            problems.add(option.key() + ": " + file + " is a directory; give a file path");
            return file;
        }
        if (!hasWritableDirectoryAbove(file)) {
            problems.add(option.key() + ": cannot create " + file + " (no writable directory above it)");
        }
        return file;
    }

    /**
     * Notes a problem for every output that is the same file as something the run reads (a video, the
     * model) or as another output: opening it would truncate that file before the first frame. Files are
     * compared by path and, where they exist, as files (so links to one file are the same file).
     *
     * @param read key → file the run reads
     * @param written key → file the run writes
     */
    public static void checkNothingIsWrittenOver(Map<String, Path> read, Map<String, Path> written,
            List<String> problems) {
        List<Map.Entry<String, Path>> outputs = List.copyOf(written.entrySet());
        for (int i = 0; i < outputs.size(); i++) {
            Map.Entry<String, Path> output = outputs.get(i);
            for (Map.Entry<String, Path> input : read.entrySet()) {
                if (sameFile(output.getValue(), input.getValue())) {
                    problems.add(output.getKey() + ": " + output.getValue().toAbsolutePath().normalize() + " is "
                            + input.getKey() + ", which this run reads; writing there would destroy it");
                }
            }
            for (Map.Entry<String, Path> other : outputs.subList(0, i)) {
                if (sameFile(output.getValue(), other.getValue())) {
                    problems.add(output.getKey() + ": " + output.getValue().toAbsolutePath().normalize()
                            + " is also " + other.getKey() + "; give each output a file of its own");
                }
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        Path left = a.toAbsolutePath().normalize();
        Path right = b.toAbsolutePath().normalize();
        if (left.equals(right)) {
            return true;
        }
        try {
            return Files.exists(left) && Files.exists(right) && Files.isSameFile(left, right);
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    /** A local checkpoint directory must be one, or be creatable; other file systems are Flink's to check. */
    public static void checkCheckpointDirectory(VigilConfig config, List<String> problems) {
        String given = config.get(VigilOptions.JOB_CHECKPOINT_DIR);
        URI dir = checkpointDirectory(given);
        if (!"file".equals(dir.getScheme())) {
            return;
        }
        if (config.isForCluster()) {
            // A cluster uses its own checkpoint storage unless the config names one.
            if (config.isGiven(VigilOptions.JOB_CHECKPOINT_DIR) && !given.startsWith("file:")) {
                config.path(VigilOptions.JOB_CHECKPOINT_DIR, problems);
            }
            return;
        }
        Path local = Path.of(dir);
        String key = VigilOptions.JOB_CHECKPOINT_DIR.key();
        if (Files.exists(local) && !Files.isDirectory(local)) {
            problems.add(key + ": " + local + " is a file; give a directory");
        } else if (!Files.isDirectory(local) && !hasWritableDirectoryAbove(local)
                || Files.isDirectory(local) && !Files.isWritable(local)) {
            problems.add(key + ": cannot write checkpoints under " + local + " (no writable directory there)");
        }
    }

    /** A directory path or a file system URI, as a URI; a plain path resolves against the working directory. */
    public static URI checkpointDirectory(String dir) {
        if (dir.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            return URI.create(dir);
        }
        // toUri() ends an existing directory with a slash; keep the URI the same either way.
        String text = Path.of(dir).toAbsolutePath().normalize().toUri().toString();
        return URI.create(text.endsWith("/") && text.length() > "file:///".length()
                ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * Whether a file can be created in the nearest existing directory above {@code path}. Tried for real,
     * with a file removed at once: permission bits say yes to root, and to special file systems such as
     * {@code /proc}, where creating a file then fails.
     */
    private static boolean hasWritableDirectoryAbove(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            return false;
        }
        try {
            Files.delete(Files.createTempFile(dir, ".vigil-write-check", ".tmp"));
            return true;
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }
}
