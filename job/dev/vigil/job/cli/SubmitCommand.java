package dev.vigil.job.cli;

import dev.vigil.job.Deployment;
import dev.vigil.job.ExitCodes;
import dev.vigil.job.VigilJob;
import dev.vigil.job.cluster.FlinkRestClient;
import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.VigilConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vigil submit}: checks a job config here, as {@code run} does, then uploads the job jar to a
 * Flink cluster and runs it there over the REST API, exactly as the Web UI does. The config travels
 * with the job as program arguments, so the JobManager needs no copy of it; the paths in it must be
 * absolute, on a file system the TaskManagers see.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {
            "Submits the job to a Flink cluster over its REST API (as the Web UI does) and returns with its id.",
            "The config is checked here first; its paths must be absolute and reachable from every TaskManager."
        })
final class SubmitCommand implements Callable<Integer> {

    @Option(names = "--rest", required = true, paramLabel = "URL",
            description = "The cluster's REST address (the Web UI's), e.g. http://jobmanager:8081.")
    URI rest;

    @Option(names = {"-c", "--config"}, defaultValue = "conf/demo.yaml",
            description = "Job config (YAML). Default: ${DEFAULT-VALUE}")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any config key, as for run.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = {"-p", "--parallelism"},
            description = "The job's parallelism; by default the cluster's (parallelism.default), unless the "
                    + "config sets job.parallelism.")
    Integer parallelism;

    @Option(names = {"-s", "--from-savepoint"}, paramLabel = "PATH",
            description = "Start from this savepoint or retained checkpoint (a path the cluster can read).")
    String savepoint;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The job jar to upload; by default the one this command runs from.")
    Path jar;

    @Override
    public Integer call() throws Exception {
        JobConfigArgs given = new JobConfigArgs(config, null, settings);
        VigilConfig checked = given.load(Deployment.CLUSTER);
        VigilJob.fromConfig(checked, given.source()).warnings()
                .forEach(warning -> System.err.println("warning: " + warning));
        Path jobJar = jar != null ? jar : Main.jar();
        if (!Files.isRegularFile(jobJar)) {
            throw new ConfigException("--jar", List.of("job jar not found: " + jobJar.toAbsolutePath()));
        }
        FlinkRestClient cluster = new FlinkRestClient(rest);
        String jobId;
        try {
            String jarId = cluster.uploadJar(jobJar);
            jobId = cluster.runJar(jarId, programArgs(Files.readString(config)), parallelism, savepoint);
        } catch (IOException e) {
            System.err.println("Not submitted: " + e.getMessage());
            return ExitCodes.NOT_SUBMITTED;
        }
        System.out.println("Submitted job " + jobId);
        System.out.println("  Web UI: " + cluster.webUiLink(jobId));
        return ExitCodes.OK;
    }

    /** What the job's main gets on the cluster: the same config, as text, with the same overrides. */
    private List<String> programArgs(String yaml) {
        List<String> args = new ArrayList<>(List.of("run", "--config-yaml", yaml));
        settings.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        return args;
    }
}
