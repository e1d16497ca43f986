package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sources.Frame;
import dev.vigil.testing.RestartingEnvironment;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/** The source in a real (mini) Flink cluster: checkpoints, a failure, a restore. */
class FileVideoSourceIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** (attempt, frame) pairs as they arrived downstream of the source, across restarts. */
    static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    record Seen(int attempt, String cameraId, long sequence, boolean damaged) {}

    @BeforeEach
    void reset() {
        SEEN.clear();
        FAILED_ONCE.set(false);
    }

    @Test
    void resumesFromTheLastCheckpointAfterAFailure() throws Exception {
        int frames = 150;
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestVideos.carDetection(), "cars")
                .maxFrames(frames)
                .build();

        StreamExecutionEnvironment env = environment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "video")
                .map(new RecordArrival())
                .map(new FailOnceAfterACheckpoint(60))
                .sinkTo(new DiscardingSink<>());
        env.execute("file video source restore");

        List<Seen> seen = List.copyOf(SEEN);
        assertThat(FAILED_ONCE).isTrue();
        assertThat(seen.stream().mapToLong(Seen::sequence).distinct().sorted().toArray())
                .as("every frame arrives at least once")
                .containsExactly(LongStream.range(0, frames).toArray());
        List<Long> secondAttempt = seen.stream()
                .filter(s -> s.attempt() == 1).map(Seen::sequence).collect(Collectors.toList());
        assertThat(secondAttempt).isNotEmpty();
        System.out.println("restarted source resumed at frame " + secondAttempt.get(0));
        assertThat(secondAttempt.get(0))
                .as("the restarted source continues at its checkpoint instead of starting over")
                .isGreaterThan(0)
                .isLessThanOrEqualTo(61);
        assertThat(secondAttempt)
                .as("after the restore, frames arrive once each, in order, through to the end")
                .containsExactlyElementsOf(
                        LongStream.range(secondAttempt.get(0), frames).boxed().collect(Collectors.toList()));
    }

    @Test
    void aTruncatedCameraEndsWithOneDamagedFrameAndTheJobFinishes() throws Exception {
        Path truncated = FileVideoReaderTest.truncatedCopy(TestVideos.carDetection(), 0.4);
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(truncated, "cut")
                .addVideo(TestVideos.streetTraffic(), "street")
                .frameStride(5)
                .build();

        StreamExecutionEnvironment env = environment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "video")
                .map(new RecordArrival())
                .sinkTo(new DiscardingSink<>());
        env.execute("file video source damage");

        List<Seen> seen = List.copyOf(SEEN);
        List<Seen> cut = seen.stream().filter(s -> s.cameraId().equals("cut")).collect(Collectors.toList());
        assertThat(cut.stream().filter(Seen::damaged)).hasSize(1);
        assertThat(cut.get(cut.size() - 1).damaged()).isTrue();
        assertThat(seen.stream().filter(s -> s.cameraId().equals("street"))).hasSize(181); // ceil(905 / 5)
    }

    private static StreamExecutionEnvironment environment() {
        return RestartingEnvironment.create(3, 100);
    }

    /** Notes each frame with the attempt that saw it. */
    static final class RecordArrival extends RichMapFunction<Frame, Frame> {
        @Override
        public Frame map(Frame frame) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            SEEN.add(new Seen(attempt, frame.cameraId(), frame.sequence(), frame.isDamaged()));
            return frame;
        }
    }

    /**
     * Throws once, at the first frame at or past {@code failAt} after a checkpoint has completed, so
     * that there is a checkpoint to restore. Slows the stream a little so checkpoints can happen.
     */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Frame, Frame> implements CheckpointListener {
        private final long failAt;
        private volatile boolean checkpointCompleted;

        FailOnceAfterACheckpoint(long failAt) {
            this.failAt = failAt;
        }

        @Override
        public Frame map(Frame frame) throws Exception {
            Thread.sleep(5);
            if (frame.sequence() >= failAt && checkpointCompleted && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("planned failure at frame " + frame.sequence());
            }
            return frame;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointCompleted = true;
        }
    }
}
