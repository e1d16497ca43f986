package dev.vigil.operators.analytics;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Turns a watched local control file into {@link AnalyticsConfigUpdate}s: each {@link #poll()}
 * reads the file and returns an update when its content differs from the content last returned
 * (so saving an unchanged file, or a timestamp change alone, sends nothing). A missing or
 * unreadable file sends nothing and is read again on the next poll; validation happens in
 * {@link AnalyticsFunction}, which answers with {@code config_accepted} or {@code config_rejected}.
 *
 * <p>This is the polling core only: the job wraps it in a source that calls {@link #poll()} on an
 * interval and emits the updates (parallelism 1). After a restart the first poll sends the current
 * content again, which re-applies the same settings.
 */
public final class ControlFilePoller implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String path;
    private String lastText;

    public ControlFilePoller(Path path) {
        this.path = path.toString();
    }

    /** An update when the file's content changed since the last update returned. */
    public Optional<AnalyticsConfigUpdate> poll() {
        String text;
        try {
            text = Files.readString(Paths.get(path));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (text.equals(lastText)) {
            return Optional.empty();
        }
        lastText = text;
        return Optional.of(new AnalyticsConfigUpdate(path, text));
    }
}
