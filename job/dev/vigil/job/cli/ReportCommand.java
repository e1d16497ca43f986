package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.report.ReportInputs;
import dev.vigil.job.report.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil report}: the run report of a run's output files, as one HTML file that opens with no
 * network. The files are found in a folder by their default names, or where a config names them.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an HTML report of a run's outputs: counts per class, line crossings and zone occupancy over",
            "time, a heat map of where objects were and the event snapshots per camera; the slowest frames and",
            "the reject reasons. Files that are missing leave their sections out with a note."
        })
public final class ReportCommand implements Callable<Integer> {

    static final int DEFAULT_SNAPSHOTS_PER_CAMERA = 48;

    @Parameters(arity = "0..1", paramLabel = "OUT_DIR", description = "Folder with the run's files under their "
            + "default names (detections.jsonl, tracks.jsonl, events.jsonl, counts.jsonl, rejects.jsonl, snapshots/).")
    Path folder;

    @Option(names = {"-c", "--config"}, description = "The run's config: the files are where it names them.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A config key as the run had it (with -c).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The report. Default: OUT_DIR/report.html; "
            + "with -c, output.report-path, else report.html beside the rejects file.")
    Path output;

    @Option(names = "--snapshots", paramLabel = "DIR", description = "Folder the events' snapshot paths are relative "
            + "to. Default: OUT_DIR/snapshots, or output.snapshots-dir with -c.")
    Path snapshots;

    @Option(names = "--snapshots-per-camera", paramLabel = "N", defaultValue = "" + DEFAULT_SNAPSHOTS_PER_CAMERA,
            description = "Snapshots shown per camera, the first N by event time. Default: ${DEFAULT-VALUE}")
    int snapshotsPerCamera;

    @Override
    public Integer call() throws Exception {
        List<String> problems = new ArrayList<>();
        if (folder == null && config == null) {
            problems.add("OUT_DIR: give the run's output folder, or its config with -c");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            problems.add("OUT_DIR: " + folder.toAbsolutePath() + " is not a folder");
        }
        if (!settings.isEmpty() && config == null) {
            problems.add("--set: only with -c, whose keys it changes");
        }
        if (snapshotsPerCamera < 0) {
            problems.add("--snapshots-per-camera: expected 0 or more, got " + snapshotsPerCamera);
        }
        if (snapshots != null && !Files.isDirectory(snapshots)) {
            problems.add("--snapshots: " + snapshots.toAbsolutePath() + " is not a folder");
        }
        if (output != null && Files.isDirectory(output)) {
            problems.add("--output: " + output.toAbsolutePath() + " is a folder; give a file");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("report", problems);
        }
        ReportInputs inputs;
        Path report;
        if (config != null) {
            VigilConfig cfg = VigilConfig.load(config, settings);
            inputs = ReportInputs.fromConfig(cfg);
            report = output != null ? output : defaultReport(cfg, inputs);
        } else {
            inputs = ReportInputs.inFolder(folder);
            report = output != null ? output : folder.resolve("report.html");
        }
        if (snapshots != null) {
            inputs = inputs.withSnapshots(snapshots.toAbsolutePath());
        }
        print(new RunReport(inputs, snapshotsPerCamera).write(report), System.out);
        return ExitCodes.OK;
    }

    private static Path defaultReport(VigilConfig cfg, ReportInputs inputs) {
        return cfg.isSet(VigilOptions.OUTPUT_REPORT_PATH) ? Path.of(cfg.get(VigilOptions.OUTPUT_REPORT_PATH))
                : inputs.rejects().resolveSibling("report.html");
    }

    /** What a command says of a report it wrote: where it is, and each file it had to do without. */
    static void print(RunReport.Outcome outcome, PrintStream out) {
        out.printf("  report: %s%n", outcome.file().toAbsolutePath().normalize());
        outcome.notes().forEach(note -> out.printf("    note: %s%n", note));
    }
}
