package dev.vigil.job;

import dev.vigil.job.config.VigilConfig;

import java.util.List;

/**
 * Whether the services a job needs answer, asked on the client once its config is otherwise fine and
 * before the job is submitted. {@link ServiceReachability} asks the real services; {@link #NONE}, for code
 * that must not touch the network, asks nothing.
 */
@FunctionalInterface
public interface ServiceCheck {

    ServiceCheck NONE = (config, input, problems) -> {};

    /** Adds a "key: message" line to {@code problems} for each service of the job that does not answer. */
    void check(VigilConfig config, FrameInput input, List<String> problems);
}
