package dev.vigil.job;

/**
 * A place the job's result streams go besides the local files (a Kafka cluster, an Elasticsearch
 * cluster): it adds its sinks to the pipeline for whichever streams the pipeline has
 * ({@link VigilPipeline#hasTracking()}, {@link VigilPipeline#hasAnalytics()}). Built and checked from the
 * job config on the client, before submission.
 */
public interface OutputDestination {

    void attachTo(VigilPipeline pipeline);
}
