package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.sources.Frame;
import dev.vigil.sources.FrameSerializer;
import dev.vigil.testing.Await;
import dev.vigil.testing.FakeDetector;

import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection stage inside Flink's async operator: order, capacity, timeouts, failures and
 * closing, with the real per-device batcher and a fake model.
 */
class AsyncDetectTest {

    /** Detectors by test, so each test's fake can be reached from the provider that the operator deserialized. */
    private static final Map<String, FakeDetector> DETECTORS = new ConcurrentHashMap<>();

    private OneInputStreamOperatorTestHarness<Frame, FrameDetections> harness;

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
        assertThat(DeviceBatchers.open()).as("every batcher released").isZero();
    }

    private OneInputStreamOperatorTestHarness<Frame, FrameDetections> harness(
            String key, FakeDetector detector, BatchingSettings batching, long timeoutMillis, int capacity)
            throws Exception {
        DETECTORS.put(key, detector);
        AsyncDetect function = new AsyncDetect(DetectorProvider.of(key, device -> DETECTORS.get(key)), batching,
                FramePolicy.LOSSLESS);
        harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(function, timeoutMillis, capacity, AsyncDataStream.OutputMode.ORDERED),
                FrameSerializer.INSTANCE);
        // Failures reach the task through failExternally; record them instead of refusing them.
        harness.getEnvironment().setExpectedExternalFailureCause(Throwable.class);
        harness.open();
        return harness;
    }

    private static Frame frame(String camera, long sequence, int width) {
        return Frame.bgr(camera, sequence, sequence * 40, width, 1, new byte[width * 3]);
    }

    private List<String> output() {
        return harness.extractOutputValues().stream()
                .map(r -> r.cameraId() + "#" + r.sequence() + "/b" + r.timing().batchSize())
                .collect(Collectors.toList());
    }

    @Test
    void framesOfTwoCamerasAreBatchedTogetherAndComeOutInInputOrder() throws Exception {
        FakeDetector detector = new FakeDetector();
        // A max-wait far above the time to submit 5 frames: only the last 2 ever wait for it.
        harness("order", detector, new BatchingSettings(3, Duration.ofMillis(300), 1), 10_000, 10);

        synchronized (harness.getCheckpointLock()) {
            harness.processElement(new StreamRecord<>(frame("a", 0, 1), 0));
            harness.processElement(new StreamRecord<>(frame("b", 0, 2), 0));
            harness.processElement(new StreamRecord<>(frame("a", 1, 3), 40));
            harness.processElement(new StreamRecord<>(frame("b", 1, 4), 40));
            harness.processElement(new StreamRecord<>(frame("a", 2, 5), 80));
            harness.endInput();
        }

        // 5 frames, max 3: a batch of 3 at once, the last 2 after max-wait.
        assertThat(detector.batchSizes).containsExactly(3, 2);
        assertThat(output()).containsExactly("a#0/b3", "b#0/b3", "a#1/b3", "b#1/b2", "a#2/b2");
        FrameDetections first = harness.extractOutputValues().get(0);
        assertThat(first.model()).isEqualTo("fake");
        assertThat(first.detections().get(0).x2()).isEqualTo(1f);
    }

    @Test
    void resultsStayInFrameOrderWhenALaterBatchFinishesFirst() throws Exception {
        CountDownLatch secondBatchDone = new CountDownLatch(1);
        FakeDetector detector = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                try {
                    if (images.get(0).width() == 1) {
                        // The first batch waits until the second has finished.
                        secondBatchDone.await(5, TimeUnit.SECONDS);
                    }
                    return super.detect(images);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    if (images.get(0).width() == 3) {
                        secondBatchDone.countDown();
                    }
                }
            }
        };
        // Only full batches run (max-wait is never reached): [0, 1] and [2, 3], at once on two slots.
        harness("reorder", detector, new BatchingSettings(2, Duration.ofSeconds(30), 2), 10_000, 10);

        synchronized (harness.getCheckpointLock()) {
            for (int i = 0; i < 4; i++) {
                harness.processElement(new StreamRecord<>(frame("a", i, i + 1), i));
            }
            harness.endInput();
        }

        assertThat(output()).containsExactly("a#0/b2", "a#1/b2", "a#2/b2", "a#3/b2");
    }

    @Test
    void fullCapacityAcceptsNoMoreFramesUntilABatchCompletes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeDetector detector = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return super.detect(images);
            }
        };
        // Frames 0 and 1 form a full batch at once; the lone third frame is flushed after 1 s.
        BatchingSettings batching = new BatchingSettings(2, Duration.ofSeconds(1), 1);
        harness("capacity", detector, batching, 10_000, 2);
        // The same batcher the operator uses, to look into its queue.
        DetectorProvider sameModel = DetectorProvider.of("capacity", device -> DETECTORS.get("capacity"));
        DeviceBatcher batcher = DeviceBatchers.acquire(sameModel, ComputeDevice.CPU, batching);
        int[] waitingWhileFull = {-1};
        Thread watcher = new Thread(() -> {
            try {
                Thread.sleep(300);
                waitingWhileFull[0] = batcher.waitingFrames();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });

        long start = System.nanoTime();
        synchronized (harness.getCheckpointLock()) {
            harness.processElement(new StreamRecord<>(frame("a", 0, 1), 0));
            harness.processElement(new StreamRecord<>(frame("a", 1, 2), 0));
            watcher.start();
            // Capacity 2 is full: this call returns only once the first batch has completed.
            harness.processElement(new StreamRecord<>(frame("a", 2, 3), 0));
        }
        long blockedMillis = (System.nanoTime() - start) / 1_000_000;
        watcher.join();
        DeviceBatchers.release(sameModel, ComputeDevice.CPU, batching);

        assertThat(blockedMillis).as("the third frame waited for capacity").isGreaterThanOrEqualTo(300);
        assertThat(waitingWhileFull[0]).as("nothing queued behind the running batch while full").isZero();
        synchronized (harness.getCheckpointLock()) {
            harness.endInput();
        }
        assertThat(output()).containsExactly("a#0/b2", "a#1/b2", "a#2/b1");
    }

    @Test
    void aModelErrorFailsTheTaskWithTheBatchNamed() throws Exception {
        FakeDetector detector = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                throw new IllegalStateException("broken graph");
            }
        };
        harness("error", detector, new BatchingSettings(1, Duration.ZERO, 1), 10_000, 4);

        synchronized (harness.getCheckpointLock()) {
            harness.processElement(new StreamRecord<>(frame("cam", 9, 1), 0));
        }
        Throwable failure = awaitFailure();

        assertThat(failure).hasStackTraceContaining(
                "model fake on cpu failed on a batch of 1 frames (cam#9): java.lang.IllegalStateException: broken graph");
    }

    @Test
    void aFrameNotDetectedInTimeFailsTheTaskWithATimeoutThatSaysWhatToDo() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        FakeDetector detector = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                try {
                    never.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.detect(images);
            }
        };
        harness("timeout", detector, new BatchingSettings(1, Duration.ZERO, 1), 100, 4);

        synchronized (harness.getCheckpointLock()) {
            harness.processElement(new StreamRecord<>(frame("cam", 4, 1), 0));
            harness.setProcessingTime(150);
        }
        Throwable failure = awaitFailure();
        never.countDown();

        assertThat(failure).hasRootCauseInstanceOf(TimeoutException.class)
                .hasStackTraceContaining("frame 4 of camera 'cam' was not detected within the detection timeout on cpu")
                .hasStackTraceContaining("raise detect.timeout");
    }

    @Test
    void closingReleasesTheSharedBatcherAndItsModel() throws Exception {
        FakeDetector detector = new FakeDetector();
        harness("close", detector, new BatchingSettings(4, Duration.ofMillis(5), 1), 10_000, 4);
        assertThat(DeviceBatchers.open()).isEqualTo(1);

        harness.close();
        harness = null;

        assertThat(detector.closed).isTrue();
    }

    @Test
    void aBatchFinishingAfterTheOperatorClosedCompletesQuietly() throws Exception {
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeDetector detector = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                inBatch.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return super.detect(images);
            }
        };
        BatchingSettings batching = new BatchingSettings(1, Duration.ofMillis(1), 1);
        harness("late", detector, batching, 10_000, 2);
        // Another subtask's hold on the shared batcher keeps it running after this operator closes,
        // as when a job is cancelled and its subtasks close one by one.
        DetectorProvider sameModel = DetectorProvider.of("late", device -> DETECTORS.get("late"));
        DeviceBatchers.acquire(sameModel, ComputeDevice.CPU, batching);
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            synchronized (harness.getCheckpointLock()) {
                harness.processElement(new StreamRecord<>(frame("a", 0, 1), 0));
            }
            assertThat(inBatch.await(5, TimeUnit.SECONDS)).isTrue();
            harness.close();
            harness = null;
            release.countDown();
        } finally {
            // Closing the last hold waits for the batch thread, so its completion has run by then.
            DeviceBatchers.release(sameModel, ComputeDevice.CPU, batching);
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }

        assertThat(detector.batchSizes).containsExactly(1);
        assertThat(uncaught).isEmpty();
    }

    private Throwable awaitFailure() {
        Await.until("the task to fail", Duration.ofSeconds(5), Duration.ofMillis(10),
                () -> harness.getEnvironment().getActualExternalFailureCause().isPresent());
        return harness.getEnvironment().getActualExternalFailureCause().get();
    }
}
