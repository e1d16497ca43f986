package dev.vigil.job;

import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.RtspOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local files a run reads and writes, each by the key that names it, for checks across them. */
final class RunFiles {

    private RunFiles() {}

    /** The files the job reads (problems with them are noted where each is checked). */
    static Map<String, Path> read(VigilConfig config, Path modelFile) {
        Map<String, Path> read = new LinkedHashMap<>();
        List<String> paths = config.get(VigilOptions.INPUT_PATHS);
        if ("file".equals(config.get(VigilOptions.INPUT_TYPE)) && paths != null) {
            for (int i = 0; i < paths.size(); i++) {
                read.put(VigilOptions.INPUT_PATHS.key() + "[" + i + "]", Path.of(paths.get(i)));
            }
        }
        if (modelFile != null) {
            read.put(config.isSet(VigilOptions.MODEL_PATH) ? VigilOptions.MODEL_PATH.key()
                    : "the model file of " + VigilOptions.MODEL_NAME.key(), modelFile);
        }
        for (ConfigOption<String> option : List.of(VigilOptions.MODEL_NAMES_FILE, VigilOptions.CONTROL_FILE)) {
            if (config.isSet(option)) {
                read.put(option.key(), Path.of(config.get(option)));
            }
        }
        return read;
    }

    /** The files the job writes; {@code null} for an output the job does not have. */
    static Map<String, Path> written(VigilConfig config, Path results, Path rejects, Path tracks, Path events,
            Path counts) {
        Map<String, Path> written = new LinkedHashMap<>();
        put(written, VigilOptions.OUTPUT_PATH, results);
        put(written, VigilOptions.OUTPUT_REJECTS_PATH, rejects);
        put(written, VigilOptions.OUTPUT_TRACKS_PATH, tracks);
        put(written, VigilOptions.OUTPUT_EVENTS_PATH, events);
        put(written, VigilOptions.OUTPUT_COUNTS_PATH, counts);
        if (config.isSet(VigilOptions.OUTPUT_REPORT_PATH)) {
            put(written, VigilOptions.OUTPUT_REPORT_PATH, Path.of(config.get(VigilOptions.OUTPUT_REPORT_PATH)));
        }
        if ("rtsp".equals(config.get(VigilOptions.INPUT_TYPE))) {
            put(written, RtspOptions.OUTPUT_CAMERA_STATUS_PATH,
                    Path.of(config.get(RtspOptions.OUTPUT_CAMERA_STATUS_PATH)));
        }
        return written;
    }

    private static void put(Map<String, Path> files, ConfigOption<String> option, Path file) {
        if (file != null) {
            files.put(option.key(), file);
        }
    }
}
