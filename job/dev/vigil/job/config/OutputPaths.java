package dev.vigil.job.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Whether the nearest existing directory above {@code path} can be written to. */
    private static boolean hasWritableDirectoryAbove(Path path) {
        Path dir = path.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        return dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
    }
}
