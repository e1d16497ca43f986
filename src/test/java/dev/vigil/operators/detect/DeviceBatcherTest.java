package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Slicing;
import dev.vigil.sources.Frame;
import dev.vigil.testing.FakeDetector;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-device batcher, driven by a manual clock and a manual executor: each test states the
 * frames it submits and the batches it expects.
 */
class DeviceBatcherTest {

    /** Runs submitted batches only when the test says so. */
    private static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> batches = new ArrayDeque<>();

        @Override
        public void execute(Runnable batch) {
            batches.add(batch);
        }

        void runNext() {
            batches.removeFirst().run();
        }

        void runAll() {
            while (!batches.isEmpty()) {
                runNext();
            }
        }
    }

    /** What happened to each frame, by its width (unique per frame in these tests). */
    private static final class Outcomes {
        final List<String> events = new ArrayList<>();

        DeviceBatcher.Completion forFrame(int width) {
            return new DeviceBatcher.Completion() {
                @Override
                public void detected(DetectionResult result, DeviceBatcher.BatchInfo batch) {
                    assertThat(result.detections().get(0).x2()).as("result belongs to its frame").isEqualTo(width);
                    synchronized (events) {
                        events.add(width + ":batch" + batch.size()
                                + (batch.inputs() == batch.size() ? "" : "/" + batch.inputs() + "inputs"));
                    }
                }

                @Override
                public void skipped() {
                    synchronized (events) {
                        events.add(width + ":skipped");
                    }
                }

                @Override
                public void failed(Throwable cause) {
                    synchronized (events) {
                        events.add(width + ":failed:" + cause.getMessage());
                    }
                }
            };
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ManualExecutor executor = new ManualExecutor();
    private final Outcomes outcomes = new Outcomes();
    private final List<FakeDetector> detectors = new ArrayList<>();
    private boolean released;

    private DeviceBatcher batcher(int maxBatch, long maxWaitMillis, int slots) {
        for (int i = 0; i < slots; i++) {
            detectors.add(new FakeDetector());
        }
        return new DeviceBatcher("cpu", new BatchingSettings(maxBatch, Duration.ofMillis(maxWaitMillis), slots),
                new ArrayList<>(detectors), clock, executor, () -> released = true);
    }

    private static Frame frame(String camera, int width) {
        return Frame.bgr(camera, width, width, width, 1, new byte[width * 3]);
    }

    private void submit(DeviceBatcher batcher, String camera, int width, FramePolicy policy) {
        submit(batcher, camera, width, policy, null);
    }

    /** Submits a frame {@code width} wide and 100 high, sliced as {@code slicing} says. */
    private void submit(DeviceBatcher batcher, String camera, int width, FramePolicy policy, Slicing slicing) {
        Frame frame = Frame.bgr(camera, width, width, width, 100, new byte[width * 100 * 3]);
        batcher.submit(frame, policy, slicing, outcomes.forFrame(width));
    }

    /** Frames 100 x 100 to 108 x 100 in tiles of 60 at overlap 0.2: 2 x 2 tiles and the full frame, 5 inputs. */
    private static final Slicing FIVE_INPUTS = Slicing.tiles(60, 60);

    private List<Integer> batchSizes() {
        List<Integer> sizes = new ArrayList<>();
        detectors.forEach(d -> sizes.addAll(d.batchSizes));
        return sizes;
    }

    @Test
    void fiveFramesWithMaxThreeRunAsThreeThenTwoAfterTheWait() {
        DeviceBatcher batcher = batcher(3, 20, 1);

        for (int w = 1; w <= 5; w++) {
            submit(batcher, "a", w, FramePolicy.LOSSLESS);
        }
        // Input: 5 frames at t=0, max batch 3 → the first 3 go at once.
        assertThat(executor.batches).hasSize(1);
        executor.runAll();
        assertThat(batchSizes()).containsExactly(3);
        // The other 2 are fewer than a batch and wait for max-wait.
        clock.advanceMillis(19);
        assertThat(executor.batches).isEmpty();
        clock.advanceMillis(1);
        executor.runAll();

        assertThat(batchSizes()).containsExactly(3, 2);
        assertThat(outcomes.events).containsExactly("1:batch3", "2:batch3", "3:batch3", "4:batch2", "5:batch2");
    }

    @Test
    void aLoneFrameIsFlushedByTheTimer() {
        DeviceBatcher batcher = batcher(4, 20, 1);

        submit(batcher, "a", 7, FramePolicy.LOSSLESS);
        clock.advanceMillis(10);
        assertThat(executor.batches).as("not yet: 10 of 20 ms").isEmpty();
        clock.advanceMillis(10);
        executor.runAll();

        assertThat(batchSizes()).containsExactly(1);
        assertThat(outcomes.events).containsExactly("7:batch1");
    }

    @Test
    void whenEverySlotIsBusyFramesWaitAndFullBatchesGoAsSlotsFree() {
        DeviceBatcher batcher = batcher(2, 5, 1);

        submit(batcher, "a", 1, FramePolicy.LOSSLESS);
        submit(batcher, "a", 2, FramePolicy.LOSSLESS); // batch [1,2] dispatched, running
        for (int w = 3; w <= 6; w++) {
            submit(batcher, "b", w, FramePolicy.LOSSLESS);
        }
        clock.advanceMillis(50); // max-wait long past, but no slot is free
        assertThat(executor.batches).hasSize(1);
        assertThat(batcher.waitingFrames()).isEqualTo(4);

        executor.runNext(); // [1,2] finishes → [3,4] takes the slot
        assertThat(executor.batches).hasSize(1);
        assertThat(batcher.waitingFrames()).isEqualTo(2);
        executor.runNext(); // [3,4] finishes → [5,6]
        executor.runNext();

        assertThat(batchSizes()).containsExactly(2, 2, 2);
        assertThat(batcher.waitingFrames()).isZero();
    }

    @Test
    void twoSlotsRunTwoBatchesAtOnceAndResultsFindTheirFramesWhateverOrderTheyFinish() {
        DeviceBatcher batcher = batcher(2, 5, 2);

        for (int w = 1; w <= 4; w++) {
            submit(batcher, "a", w, FramePolicy.LOSSLESS);
        }
        assertThat(executor.batches).hasSize(2);
        // Finish the second batch first.
        Runnable first = executor.batches.removeFirst();
        executor.runNext();
        first.run();

        assertThat(outcomes.events).containsExactly("3:batch2", "4:batch2", "1:batch2", "2:batch2");
    }

    @Test
    void latestFrameWinsReplacesAWaitingFrameOfTheSameCameraInItsPlace() {
        DeviceBatcher batcher = batcher(4, 20, 1);
        // Occupy the only slot.
        for (int w = 1; w <= 4; w++) {
            submit(batcher, "busy", w, FramePolicy.LOSSLESS);
        }
        submit(batcher, "live", 10, FramePolicy.LATEST);
        submit(batcher, "other", 20, FramePolicy.LATEST);
        submit(batcher, "live", 11, FramePolicy.LATEST); // replaces 10
        submit(batcher, "live", 12, FramePolicy.LATEST); // replaces 11

        assertThat(outcomes.events).containsExactly("10:skipped", "11:skipped");
        assertThat(batcher.waitingFrames()).isEqualTo(2);
        executor.runNext(); // busy batch done; [12, 20] are below max and wait
        clock.advanceMillis(20);
        executor.runAll();

        assertThat(outcomes.events).containsSubsequence("10:skipped", "11:skipped", "12:batch2", "20:batch2");
        assertThat(batchSizes()).containsExactly(4, 2);
    }

    @Test
    void losslessFramesAreNeverReplaced() {
        DeviceBatcher batcher = batcher(2, 20, 1);
        submit(batcher, "busy", 1, FramePolicy.LOSSLESS);
        submit(batcher, "busy", 2, FramePolicy.LOSSLESS);
        submit(batcher, "file", 3, FramePolicy.LOSSLESS);
        submit(batcher, "file", 4, FramePolicy.LOSSLESS);

        executor.runAll();

        assertThat(outcomes.events).noneMatch(e -> e.endsWith("skipped")).hasSize(4);
    }

    @Test
    void aModelErrorFailsEveryFrameOfItsBatchNamingThemAndFreesTheSlot() {
        FakeDetector failing = new FakeDetector() {
            @Override
            public List<DetectionResult> detect(List<BgrImage> images) {
                if (batchSizes.isEmpty()) {
                    batchSizes.add(images.size());
                    throw new IllegalStateException("CUDA out of memory");
                }
                return super.detect(images);
            }
        };
        detectors.add(failing);
        DeviceBatcher batcher = new DeviceBatcher("gpu:0", new BatchingSettings(2, Duration.ofMillis(5), 1),
                List.of(failing), clock, executor, () -> {});

        submit(batcher, "a", 1, FramePolicy.LOSSLESS);
        submit(batcher, "b", 2, FramePolicy.LOSSLESS);
        submit(batcher, "a", 3, FramePolicy.LOSSLESS);
        submit(batcher, "a", 4, FramePolicy.LOSSLESS);
        executor.runAll();

        String message = "model fake on gpu:0 failed on a batch of 2 frames (a#1, b#2): "
                + "java.lang.IllegalStateException: CUDA out of memory";
        assertThat(outcomes.events).containsExactly(
                "1:failed:" + message, "2:failed:" + message, "3:batch2", "4:batch2");
    }

    @Test
    void closingFailsWaitingFramesRefusesNewOnesAndDoesNotWaitForRunningBatches() {
        DeviceBatcher batcher = batcher(2, 50, 1);
        submit(batcher, "a", 1, FramePolicy.LOSSLESS);
        submit(batcher, "a", 2, FramePolicy.LOSSLESS); // running (not yet executed)
        submit(batcher, "a", 3, FramePolicy.LOSSLESS); // waiting

        batcher.close();
        submit(batcher, "a", 4, FramePolicy.LOSSLESS);

        assertThat(released).isTrue();
        assertThat(outcomes.events).containsExactly(
                "3:failed:the detector on cpu closed with 1 frames still waiting",
                "4:failed:the detector on cpu is closed");
        // The batch that was already running still completes its frames.
        executor.runAll();
        assertThat(outcomes.events).contains("1:batch2", "2:batch2");
        clock.advanceMillis(100);
        assertThat(executor.batches).isEmpty();
    }

    @Test
    void aSlicedFrameCountsItsTilesTowardsTheBatch() {
        DeviceBatcher batcher = batcher(8, 20, 1);

        // Input: a sliced frame (5 model inputs), then whole frames of one input each; max batch 8 inputs.
        submit(batcher, "drone", 100, FramePolicy.LOSSLESS, FIVE_INPUTS);
        submit(batcher, "door", 1, FramePolicy.LOSSLESS);
        submit(batcher, "door", 2, FramePolicy.LOSSLESS);
        assertThat(executor.batches).as("7 of 8 inputs wait").isEmpty();
        submit(batcher, "door", 3, FramePolicy.LOSSLESS);
        executor.runAll();

        assertThat(batchSizes()).as("one model call of every tile and frame").containsExactly(8);
        assertThat(outcomes.events).containsExactly("100:batch4/8inputs", "1:batch4/8inputs", "2:batch4/8inputs",
                "3:batch4/8inputs");
    }

    @Test
    void aFrameWithMoreTilesThanABatchRunsAloneAndIsNeverSplit() {
        DeviceBatcher batcher = batcher(4, 20, 2);

        submit(batcher, "door", 1, FramePolicy.LOSSLESS);
        submit(batcher, "drone", 100, FramePolicy.LOSSLESS, FIVE_INPUTS);
        // 6 inputs wait: the whole frame goes alone (it and the sliced frame would be 6 > 4), then the sliced one.
        executor.runAll();

        assertThat(batchSizes()).containsExactlyInAnyOrder(1, 5);
        assertThat(outcomes.events).containsExactlyInAnyOrder("1:batch1", "100:batch1/5inputs");
    }

    @Test
    void aNewerFrameReplacingASlicedOneTakesItsPlaceAndItsInputs() {
        DeviceBatcher batcher = batcher(8, 20, 1);

        submit(batcher, "drone", 100, FramePolicy.LATEST, FIVE_INPUTS);
        submit(batcher, "drone", 101, FramePolicy.LATEST, FIVE_INPUTS);
        submit(batcher, "door", 1, FramePolicy.LOSSLESS);
        submit(batcher, "door", 2, FramePolicy.LOSSLESS);
        // 5 + 2 inputs: had the replaced frame's tiles still counted, 12 would have dispatched at once.
        assertThat(executor.batches).isEmpty();
        submit(batcher, "door", 3, FramePolicy.LOSSLESS);
        executor.runAll();

        assertThat(outcomes.events).containsExactly("100:skipped", "101:batch4/8inputs", "1:batch4/8inputs",
                "2:batch4/8inputs", "3:batch4/8inputs");
    }
}
