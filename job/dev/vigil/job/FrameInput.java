package dev.vigil.job;

import dev.vigil.job.config.ImageSize;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a pipeline's frames come from: a source plus whatever the input needs between the source and
 * detection (decoding, a dead-letter output for records that are not frames). Operator uids an input
 * adds must be stable, since savepoints map state by uid.
 */
public interface FrameInput {

    /** Adds the input to {@code env} and returns its frames, with event-time timestamps and watermarks. */
    DataStream<Frame> addTo(StreamExecutionEnvironment env);

    /** Frames the input will deliver in total, or -1 when it runs until stopped. */
    default long expectedFrames() {
        return -1;
    }

    /** The ids of the cameras the input carries, when it knows them before it starts. */
    default Optional<List<String>> cameraIds() {
        return Optional.empty();
    }

    /** Each camera's frame size, where the input knows it before it starts (a video file's header). */
    default Map<String, ImageSize> frameSizes() {
        return Map.of();
    }

    /** How many cameras the input is known to carry, for sizing the detection queue; 1 when it cannot tell. */
    default int knownCameras() {
        return cameraIds().map(List::size).filter(n -> n > 0).orElse(1);
    }

    /**
     * The frame policy when {@code input.frame-policy} is not given: lossless, since a recorded input
     * can wait for the detector; a live input overrides it.
     */
    default FramePolicy defaultFramePolicy() {
        return FramePolicy.LOSSLESS;
    }

    /**
     * A source of decoded frames whose timestamps rise per source split (one camera per split, as for
     * video files), under the uid {@code frames}.
     */
    static FrameInput of(Source<Frame, ?, ?> source) {
        return env -> env.fromSource(
                        source,
                        WatermarkStrategy.<Frame>forMonotonousTimestamps()
                                .withTimestampAssigner((frame, previous) -> frame.timestampMillis()),
                        "frames")
                .uid("frames");
    }
}
