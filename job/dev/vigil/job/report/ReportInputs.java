package dev.vigil.job.report;

import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.config.VisualOptions;

import java.nio.file.Path;

/**
 * The output files of a run that a report reads. Each may be {@code null} (the run had no such output)
 * or name a file that is not there; the report leaves that file's sections out and says so.
 *
 * @param snapshots the folder the events' {@code snapshot} paths are relative to
 */
public record ReportInputs(Path detections, Path tracks, Path events, Path counts, Path rejects, Path snapshots) {

    /** The folder's snapshot images are looked for in, when the run's config does not say. */
    public static final String SNAPSHOTS_FOLDER = "snapshots";

    /**
     * The files of a run that wrote its outputs into {@code folder} under their default names
     * ({@code detections.jsonl}, {@code tracks.jsonl}, ...), with the snapshots in {@code folder/snapshots}.
     */
    public static ReportInputs inFolder(Path folder) {
        return new ReportInputs(defaultIn(folder, VigilOptions.OUTPUT_PATH), defaultIn(folder, VigilOptions.OUTPUT_TRACKS_PATH),
                defaultIn(folder, VigilOptions.OUTPUT_EVENTS_PATH), defaultIn(folder, VigilOptions.OUTPUT_COUNTS_PATH),
                defaultIn(folder, VigilOptions.OUTPUT_REJECTS_PATH), folder.resolve(SNAPSHOTS_FOLDER));
    }

    /** The files {@code config} names, resolved as the job resolves them (against the working directory). */
    public static ReportInputs fromConfig(VigilConfig config) {
        boolean toFile = "jsonl".equals(config.get(VigilOptions.OUTPUT_TYPE));
        return new ReportInputs(toFile ? path(config, VigilOptions.OUTPUT_PATH) : null,
                config.get(VigilOptions.TRACKING_ENABLED) ? path(config, VigilOptions.OUTPUT_TRACKS_PATH) : null,
                path(config, VigilOptions.OUTPUT_EVENTS_PATH), path(config, VigilOptions.OUTPUT_COUNTS_PATH),
                path(config, VigilOptions.OUTPUT_REJECTS_PATH), path(config, VisualOptions.SNAPSHOTS_DIR));
    }

    /** These inputs with the snapshots looked for in {@code folder}. */
    public ReportInputs withSnapshots(Path folder) {
        return new ReportInputs(detections, tracks, events, counts, rejects, folder);
    }

    private static Path defaultIn(Path folder, ConfigOption<String> option) {
        return folder.resolve(Path.of(option.defaultValue()).getFileName());
    }

    private static Path path(VigilConfig config, ConfigOption<String> option) {
        String value = config.get(option);
        return value == null ? null : Path.of(value).toAbsolutePath().normalize();
    }
}
