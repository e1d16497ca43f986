package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelStorage;
import dev.vigil.sources.FrameSerializer;
import dev.vigil.testing.FakeDetector;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savepoints taken by earlier versions restore: the detection stage's state, its frames in flight, was
 * written to a file by the version named in the file's name, with one frame stored raw (as every frame
 * was before checkpoint JPEGs) and two as JPEGs. Restoring it with today's code must detect those three
 * frames. The file is written again only on purpose, with {@code -Dvigil.write-savepoints=true}.
 */
class InFlightFramesSavepointTest {

    private static final Path SAVEPOINT =
            Path.of("src/test/resources/dev/vigil/operators/detect/in-flight-frames-0.1.0.savepoint");

    private static final BatchingSettings ONE_AT_A_TIME = new BatchingSettings(1, Duration.ZERO, 1);

    private static Frame frame(long sequence, boolean jpeg) {
        byte[] pixels = new byte[16 * 8 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (sequence * 50 + i % 7);
        }
        Frame frame = Frame.bgr("gate", sequence, sequence * 40, 16, 8, pixels);
        return jpeg ? frame.withPixelStorage(PixelStorage.jpeg(85)) : frame;
    }

    private static OneInputStreamOperatorTestHarness<Frame, FrameDetections> harness(FakeDetector detector)
            throws Exception {
        AsyncDetect function = new AsyncDetect(DetectorProvider.of("savepoint-" + System.identityHashCode(detector),
                device -> detector), ONE_AT_A_TIME, FramePolicy.LOSSLESS);
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, 60_000, 10, AsyncDataStream.OutputMode.ORDERED),
                FrameSerializer.INSTANCE);
    }

    @Test
    void framesInFlightInAnEarlierSavepointAreDetectedAfterARestore() throws Exception {
        FakeDetector detector = new FakeDetector();
        OperatorSubtaskState savepoint = OperatorSnapshotUtil.readStateHandle(SAVEPOINT.toString());
        try (OneInputStreamOperatorTestHarness<Frame, FrameDetections> restored = harness(detector)) {
            restored.setup();
            restored.initializeState(savepoint);
            restored.open();
            // Ending the input waits for every frame in flight, the restored ones included.
            synchronized (restored.getCheckpointLock()) {
                restored.endInput();
            }

            List<FrameDetections> results = restored.extractOutputValues();
            assertThat(results).extracting(FrameDetections::sequence).containsExactly(0L, 1L, 2L);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.cameraId()).isEqualTo("gate");
                assertThat(r.width()).isEqualTo(16);
                assertThat(r.height()).isEqualTo(8);
            });
        }
    }

    /** Writes the savepoint file; run on the version the file is named after. */
    @Test
    @EnabledIfSystemProperty(named = "vigil.write-savepoints", matches = "true")
    void writeTheSavepoint() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeDetector stuck = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.detect(images);
            }
        };
        try (OneInputStreamOperatorTestHarness<Frame, FrameDetections> running = harness(stuck)) {
            running.getEnvironment().setExpectedExternalFailureCause(Throwable.class);
            running.open();
            synchronized (running.getCheckpointLock()) {
                running.processElement(new StreamRecord<>(frame(0, false), 0));
                running.processElement(new StreamRecord<>(frame(1, true), 40));
                running.processElement(new StreamRecord<>(frame(2, true), 80));
            }
            OperatorSubtaskState state = running.snapshot(1, 1);
            Files.createDirectories(SAVEPOINT.getParent());
            OperatorSnapshotUtil.writeStateHandle(state, SAVEPOINT.toString());
            never.countDown();
        }
    }
}
