package dev.vigil.job.output;

/**
 * A place the job's result streams go besides the local files (a Kafka cluster, an Elasticsearch
 * cluster): it adds its sinks for whichever streams the job has. Built and checked from the job config
 * on the client, before submission.
 */
public interface OutputDestination {

    void attachTo(ResultStreams streams);
}
