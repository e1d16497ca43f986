package dev.vigil.job.cli.bench;

import dev.vigil.operators.detect.FrameDetections;

import dev.vigil.sinks.WriterContextSink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sink that notes, for each result, when it arrived and what it says about its frame's way
 * through the job. Only meaningful on the embedded mini-cluster, where the sink runs in the
 * benchmark's own JVM.
 */
final class ResultRecorder implements WriterContextSink<FrameDetections> {

    private static final long serialVersionUID = 1L;

    /**
     * One result as it reached the sink.
     *
     * @param batchSize frames of the model call the frame was in
     * @param batchInputs model inputs of that call (more than its frames when frames were sliced)
     * @param tiles tiles the frame was cut into, 0 when it went whole
     * @param detections objects found in the frame
     */
    record Arrival(String cameraId, long sequence, long ingestMillis, long arrivedMillis, int batchSize,
            int batchInputs, int tiles, int detections) {}

    private static final Map<String, List<Arrival>> RUNS = new ConcurrentHashMap<>();

    private final String run = UUID.randomUUID().toString();

    ResultRecorder() {
        RUNS.put(run, new ArrayList<>());
    }

    /** What arrived, and forgets it. */
    List<Arrival> takeArrivals() {
        List<Arrival> arrivals = RUNS.remove(run);
        synchronized (arrivals) {
            return new ArrayList<>(arrivals);
        }
    }

    @Override
    public SinkWriter<FrameDetections> createWriter(WriterInitContext context) {
        List<Arrival> arrivals = RUNS.get(run);
        return new SinkWriter<>() {
            @Override
            public void write(FrameDetections r, Context ctx) {
                Arrival a = new Arrival(r.cameraId(), r.sequence(), r.timing().ingestTimeMillis(), System.currentTimeMillis(),
                        r.timing().batchSize(), r.timing().batchInputs(), r.timing().tiles(), r.detections().size());
                synchronized (arrivals) {
                    arrivals.add(a);
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
