package dev.vigil.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code vigil run} for {@code conf/street-analytics.yaml} with its five JSON Lines outputs
 * in one folder under their default names ({@code detections.jsonl}, {@code rejects.jsonl}, ...).
 */
public final class StreetRun {

    private StreetRun() {}

    /** {@code run --config conf/street-analytics.yaml --set output.…=dir/…}, then {@code more}. */
    public static String[] args(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--config", "conf/street-analytics.yaml",
                "--set", "output.path=" + dir.resolve("detections.jsonl"),
                "--set", "output.rejects-path=" + dir.resolve("rejects.jsonl"),
                "--set", "output.tracks-path=" + dir.resolve("tracks.jsonl"),
                "--set", "output.events-path=" + dir.resolve("events.jsonl"),
                "--set", "output.counts-path=" + dir.resolve("counts.jsonl")));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }
}
