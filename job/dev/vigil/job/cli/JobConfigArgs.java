package dev.vigil.job.cli;

import dev.vigil.job.Deployment;
import dev.vigil.job.config.VigilConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * The job config as a command names it: a file, or its YAML text, and the key overrides given with it.
 *
 * @param file the config file; ignored when {@code yaml} is given
 * @param yaml the config's text, or {@code null}
 * @param overrides key path → value text, applied over the config
 */
record JobConfigArgs(Path file, String yaml, Map<String, String> overrides) {

    /** What error messages call the config. */
    String source() {
        return yaml != null ? "--config-yaml" : file.toString();
    }

    /** Reads and checks the config for a job deployed {@code where}. */
    VigilConfig load(Deployment where) {
        VigilConfig config = yaml != null
                ? VigilConfig.parse(source(), yaml, overrides)
                : VigilConfig.load(file, overrides);
        return where == Deployment.CLUSTER ? config.onCluster() : config;
    }
}
