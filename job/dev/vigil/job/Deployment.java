package dev.vigil.job;

import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a job runs, as its execution environment tells: on the mini-cluster embedded in this JVM (the
 * {@code ./vigil} launcher), or on a Flink cluster it is submitted to ({@code flink run}, the Web UI or
 * REST, application mode, the Kubernetes operator). The embedded run has only the job config to go by;
 * a cluster has settings of its own that the config must not silently replace.
 */
public enum Deployment {
    EMBEDDED,
    CLUSTER;

    public static Deployment of(StreamExecutionEnvironment env) {
        return env instanceof LocalStreamEnvironment ? EMBEDDED : CLUSTER;
    }

    /**
     * Whether whoever submitted the job waits for its end: the embedded run and {@code flink run} without
     * {@code -d} do; a Web UI or REST submission and application mode are detached, and there the job's
     * result cannot be fetched at all, so {@code main} must return once the job is submitted.
     */
    public static boolean waitsForResult(StreamExecutionEnvironment env) {
        return of(env) == EMBEDDED || env.getConfiguration().get(DeploymentOptions.ATTACHED);
    }
}
