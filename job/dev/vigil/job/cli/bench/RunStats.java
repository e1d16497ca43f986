package dev.vigil.job.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Throughput and latency of one benchmark job run, from the results that reached the sink.
 *
 * @param frames results that arrived
 * @param fps results per second, from the first frame's ingest to the last result's arrival
 *     (job start-up and model loading excluded)
 * @param latencyMillis frame-to-result latency (source ingest to sink arrival), sorted
 * @param meanBatchSize mean frames of the batch each frame was in
 * @param meanBatchInputs mean model inputs of the batch each frame was in (its frames, or their tiles)
 * @param tiles tiles detected, over all frames (0 without slicing)
 * @param meanDetections objects found per frame
 * @param detectorHandles detector handles the run opened (one per device slot)
 * @param modelsLoaded most models loaded in the JVM at once during the run (the handles share them)
 */
record RunStats(long frames, double fps, long[] latencyMillis, double meanBatchSize, double meanBatchInputs, long tiles,
        double meanDetections, int detectorHandles, int modelsLoaded) {

    static RunStats of(List<ResultRecorder.Arrival> arrivals, int detectorHandles, int modelsLoaded) {
        if (arrivals.isEmpty()) {
            return new RunStats(0, 0, new long[0], 0, 0, 0, 0, detectorHandles, modelsLoaded);
        }
        long first = arrivals.stream().mapToLong(ResultRecorder.Arrival::ingestMillis).min().getAsLong();
        long last = arrivals.stream().mapToLong(ResultRecorder.Arrival::arrivedMillis).max().getAsLong();
        long[] latency = arrivals.stream().mapToLong(a -> a.arrivedMillis() - a.ingestMillis()).sorted().toArray();
        double meanBatch = arrivals.stream().mapToInt(ResultRecorder.Arrival::batchSize).average().orElse(0);
        double meanInputs = arrivals.stream().mapToInt(ResultRecorder.Arrival::batchInputs).average().orElse(0);
        long tiles = arrivals.stream().mapToLong(ResultRecorder.Arrival::tiles).sum();
        double meanDetections = arrivals.stream().mapToInt(ResultRecorder.Arrival::detections).average().orElse(0);
        return new RunStats(arrivals.size(), arrivals.size() / Math.max(0.001, (last - first) / 1000.0), latency,
                meanBatch, meanInputs, tiles, meanDetections, detectorHandles, modelsLoaded);
    }

    long percentile(double p) {
        if (latencyMillis.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * latencyMillis.length) - 1;
        return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, index))];
    }

    /** Tiles detected per second, at the rate frames came through. */
    double tilesPerSecond() {
        return frames == 0 ? 0 : fps * tiles / frames;
    }

    void writeTo(ObjectNode node, int maxBatchSize) {
        node.put("frames", frames);
        node.put("fps", BenchCommand.round(fps));
        ObjectNode latency = node.putObject("latency_ms");
        latency.put("p50", percentile(50));
        latency.put("p95", percentile(95));
        latency.put("p99", percentile(99));
        latency.put("max", latencyMillis.length == 0 ? 0 : latencyMillis[latencyMillis.length - 1]);
        node.put("mean_batch_size", BenchCommand.round(meanBatchSize));
        node.put("mean_batch_inputs", BenchCommand.round(meanBatchInputs));
        // How full the model's calls run: a sliced frame with more tiles than max-batch-size fills one alone.
        node.put("mean_batch_fill", BenchCommand.round(Math.min(1, meanBatchInputs / maxBatchSize)));
        if (tiles > 0) {
            node.put("tiles_per_frame", BenchCommand.round((double) tiles / frames));
            node.put("tiles_per_second", BenchCommand.round(tilesPerSecond()));
        }
        node.put("detections_per_frame", BenchCommand.round(meanDetections));
        node.put("model_instances", modelsLoaded);
        node.put("detector_handles", detectorHandles);
    }
}
