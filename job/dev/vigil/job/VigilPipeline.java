package dev.vigil.job;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.DetectFrames;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.Objects;

/**
 * The Vigil dataflow: frames from a source, detections by the model, results and rejects to their
 * sinks. It takes its source and sinks as arguments so that tests and other entry points plug in
 * their own; operator uids are fixed so that savepoints survive changes to the wiring code.
 */
public final class VigilPipeline {

    private final Source<Frame, ?, ?> source;
    private final DetectorProvider detector;
    private final Sink<FrameDetections> results;
    private final Sink<Reject> rejects;

    public VigilPipeline(
            Source<Frame, ?, ?> source, DetectorProvider detector, Sink<FrameDetections> results, Sink<Reject> rejects) {
        this.source = Objects.requireNonNull(source, "source");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.results = Objects.requireNonNull(results, "results");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
    }

    /** Adds the dataflow to {@code env}; the caller configures and executes the environment. */
    public void addTo(StreamExecutionEnvironment env) {
        DataStream<Frame> frames = env.fromSource(
                        source,
                        WatermarkStrategy.<Frame>forMonotonousTimestamps()
                                .withTimestampAssigner((frame, previous) -> frame.timestampMillis()),
                        "frames")
                .uid("frames");
        SingleOutputStreamOperator<FrameDetections> detections =
                frames.process(new DetectFrames(detector)).name("detect").uid("detect");
        detections.sinkTo(results).name("results").uid("results");
        detections.getSideOutput(DetectFrames.REJECTS).sinkTo(rejects).name("rejects").uid("rejects");
    }
}
