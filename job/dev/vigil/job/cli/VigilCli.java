package dev.vigil.job.cli;

import dev.vigil.job.CheckpointFiles;
import dev.vigil.job.Deployment;
import dev.vigil.job.ExitCodes;
import dev.vigil.job.JobFailure;
import dev.vigil.job.JobRunner;
import dev.vigil.job.VigilJob;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.ConfigOption;
import dev.vigil.job.config.OutputPaths;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.job.config.VigilOptions;
import dev.vigil.job.report.ReportInputs;
import dev.vigil.job.report.RunReport;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** The {@code vigil} command line: one entry point for every command, locally or on a cluster. */
@Command(
        name = "vigil",
        mixinStandardHelpOptions = true,
        version = "vigil 0.1.0",
        description = "Streaming video analytics on Apache Flink.",
        subcommands = {
            VigilCli.Run.class,
            SubmitCommand.class,
            VigilCli.ConfigKeys.class,
            EvaluateCommand.class,
            MosaicCommand.class,
            TrackEvalCommand.class,
            ReportCommand.class,
            PanSequenceCommand.class,
            dev.vigil.job.cli.bench.BenchCommand.class,
            SetupElasticsearchCommand.class,
            PublishCommand.class,
            dev.vigil.job.cli.bench.ElasticsearchBenchCommand.class,
            dev.vigil.job.cli.bench.LiveBenchCommand.class,
            dev.vigil.job.cli.bench.CheckpointBenchCommand.class
        })
public final class VigilCli implements Callable<Integer> {

    /**
     * Runs a command for the {@code ./vigil} launcher: problems become a line on standard error and an
     * exit code ({@link ExitCodes}), the full trace goes to the log.
     */
    public static int execute(String... args) {
        return new CommandLine(new VigilCli()).setExecutionExceptionHandler(VigilCli::report).execute(args);
    }

    /**
     * Runs a command inside Flink: a {@code flink run} client, or the JobManager for Web UI and REST
     * submissions and in application mode, where exiting the JVM would take the JobManager down with it.
     * Nothing here exits; a problem is thrown with its whole message (every config problem with its key),
     * which Flink hands to the submitter: the REST error body, the output of {@code flink run}, the
     * status of a Kubernetes deployment.
     */
    public static void runInFlink(String... args) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        int exit = new CommandLine(new VigilCli())
                .setParameterExceptionHandler((e, given) -> {
                    failure.set(e);
                    return ExitCodes.CONFIG;
                })
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    failure.set(e);
                    return ExitCodes.JOB_FAILED;
                })
                .execute(args);
        if (failure.get() != null) {
            throw failure.get();
        }
        if (exit != ExitCodes.OK) {
            throw new IllegalStateException("vigil " + String.join(" ", args) + " ended with exit code " + exit);
        }
    }

    /** The launcher's account of an exception a command threw: one line, and its exit code. */
    private static int report(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException) {
            System.err.println("Cannot start: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        System.err.println((e instanceof JobFailedException ? "The job failed: " : "Vigil stopped: ")
                + JobFailure.explain(e));
        JobFailure.log(e).ifPresent(log -> System.err.println("  full log: " + log));
        return ExitCodes.JOB_FAILED;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = {
                "Runs the detection job: video in, detections out.",
                "Started with java -jar or ./vigil it runs on an embedded Flink mini-cluster; "
                        + "submitted with 'flink run' it runs on that cluster."
            })
    static final class Run implements Callable<Integer> {

        @Option(names = {"-c", "--config"}, defaultValue = "conf/demo.yaml",
                description = "Job config (YAML). Default: ${DEFAULT-VALUE}")
        Path config;

        @Option(names = "--config-yaml", paramLabel = "YAML",
                description = "The job config itself, as YAML text, instead of a file: what 'vigil submit' sends, "
                        + "so that the JobManager needs no copy of the file.")
        String configYaml;

        @Option(names = {"-i", "--input"}, description = "Video file to read (repeat for several cameras); "
                + "replaces input.paths.")
        List<String> inputs = new ArrayList<>();

        @Option(names = {"-m", "--model"}, description = "Catalogue model name; replaces model.name.")
        String model;

        @Option(names = "--model-path", description = "Explicit model file; replaces model.path.")
        String modelPath;

        @Option(names = {"-o", "--output"}, description = "Results file (JSON Lines), or '-' for standard output.")
        String output;

        @Option(names = "--from-checkpoint", paramLabel = "PATH",
                description = "Resume from a checkpoint or savepoint: its folder (chk-N), or a folder holding "
                        + "checkpoints (the newest is taken), as a run with job.keep-checkpoints leaves them.")
        String fromCheckpoint;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Any config key, e.g. --set input.stride=2 (see 'vigil config-keys').")
        Map<String, String> settings = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            Deployment deployment = Deployment.of(env);
            if (deployment == Deployment.CLUSTER && configYaml == null && !Files.exists(config)) {
                throw new ConfigException(config.toString(), List.of("config file not found in "
                        + Path.of("").toAbsolutePath() + ", the working directory of this JVM on the cluster (for Web "
                        + "UI, REST and application submissions, the JobManager's): give an absolute path there, or "
                        + "submit with 'vigil submit', which sends the config with the job"));
            }
            JobConfigArgs given = new JobConfigArgs(config, configYaml, overrides());
            VigilConfig cfg = given.load(deployment);
            VigilJob job = VigilJob.fromConfig(cfg, given.source());
            // Keep standard output for the results when they go there, whichever way that was asked for.
            PrintStream report = job.resultsFile() == null ? System.err : System.out;
            if (fromCheckpoint != null) {
                Configuration restore = new Configuration();
                restore.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpointToResume(fromCheckpoint)
                        .orElseThrow(() -> new ConfigException("--from-checkpoint", List.of("no completed checkpoint "
                                + "(a chk-N folder with _metadata) at or below "
                                + Path.of(fromCheckpoint).toAbsolutePath()))));
                env.configure(restore);
            }
            JobRunner runner = new JobRunner(report);
            if (!Deployment.waitsForResult(env)) {
                runner.submit(job, env);
                return ExitCodes.OK;
            }
            try {
                runner.run(job, env);
            } catch (Exception e) {
                throw new JobFailedException(e);
            }
            if (job.reportFile() != null && deployment == Deployment.EMBEDDED) {
                writeReport(cfg, job.reportFile(), report);
            }
            return ExitCodes.OK;
        }

        /** The run report of a run that ended: a report that cannot be written is worth a line, not a failure. */
        private static void writeReport(VigilConfig cfg, Path file, PrintStream out) {
            try {
                ReportCommand.print(new RunReport(ReportInputs.fromConfig(cfg),
                        ReportCommand.DEFAULT_SNAPSHOTS_PER_CAMERA).write(file), out);
            } catch (java.io.IOException | RuntimeException e) {
                out.printf("  report: not written to %s: %s%n", file, e.getMessage());
            }
        }

        /** The command line's shorthands as config keys, then every --set. */
        private Map<String, String> overrides() {
            Map<String, String> overrides = new LinkedHashMap<>(settings);
            if (!inputs.isEmpty()) {
                overrides.put(VigilOptions.INPUT_PATHS.key(), String.join(",", inputs));
                // The config's camera ids name its own videos; videos given here are named by their files.
                overrides.putIfAbsent(VigilOptions.INPUT_CAMERA_IDS.key(), "[]");
            }
            if (model != null) {
                overrides.put(VigilOptions.MODEL_NAME.key(), model);
            }
            if (modelPath != null) {
                overrides.put(VigilOptions.MODEL_PATH.key(), modelPath);
                if (model == null) {
                    // The file alone: its family comes from its outputs, not from the config's model name.
                    overrides.put(VigilOptions.MODEL_NAME.key(), "");
                }
            }
            if ("-".equals(output)) {
                overrides.put(VigilOptions.OUTPUT_TYPE.key(), "stdout");
            } else if (output != null) {
                overrides.put(VigilOptions.OUTPUT_PATH.key(), output);
            }
            return overrides;
        }
    }

    /**
     * The checkpoint {@code given} names: a local folder is searched for its newest complete checkpoint; a
     * URI of another file system (s3://, hdfs://) is taken as it is, for Flink to read.
     */
    static Optional<String> checkpointToResume(String given) {
        java.net.URI location = OutputPaths.checkpointDirectory(given);
        if (!"file".equals(location.getScheme())) {
            return Optional.of(location.toString());
        }
        return CheckpointFiles.latest(Path.of(location)).map(Path::toString);
    }

    @Command(name = "config-keys", mixinStandardHelpOptions = true,
            description = "Lists every job config key with its type, default and meaning.")
    static final class ConfigKeys implements Callable<Integer> {
        @Override
        public Integer call() {
            for (ConfigOption<?> option : VigilOptions.all()) {
                System.out.printf("%-24s %s%n", option.key(), option.description());
                System.out.printf("%-24s   %s; default: %s%n", "", option.type().description(),
                        option.defaultValue() == null ? "(not set)" : option.defaultValue());
            }
            return 0;
        }
    }
}
