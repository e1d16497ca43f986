package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.models.SlicedDetection;
import dev.vigil.models.Slicing;
import dev.vigil.sources.Frame;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Groups detection requests from every subtask using one device into batches and runs them on that
 * device's model, at most {@code slotsPerDevice} batches at a time.
 *
 * <p>A batch is dispatched when {@code maxBatchSize} model inputs wait or when the oldest waiting frame
 * has waited {@code maxWait}, whichever comes first, and only while a slot is free. A frame is one model
 * input, or, when it is sliced ({@link Slicing}), one per tile plus its full-frame pass: a batch takes whole
 * frames while their inputs fit {@code maxBatchSize}, and a frame with more inputs than that runs as a batch
 * of its own, all its tiles in one model call. Everything else counts frames: the queue, the latest-frame
 * policy (a newer frame replaces a waiting frame with all its tiles) and the in-flight capacity. When every
 * slot is busy frames wait here; the queue is bounded by the in-flight capacity of the operators that feed
 * it, so it never grows without limit: once their capacity is full, Flink backpressure slows the sources.
 *
 * <p>Thread-safe. Completions are called from the batch threads; they must not block.
 */
final class DeviceBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceBatcher.class);

    /** What happens to one frame's request. Exactly one method is called, once. */
    interface Completion {
        void detected(DetectionResult result, BatchInfo batch);

        /** A newer frame of the same camera took this frame's place (latest-frame-wins policy). */
        void skipped();

        void failed(Throwable cause);
    }

    /**
     * The batch a frame was part of.
     *
     * @param size frames in the batch
     * @param inputs model inputs in the batch: its frames, or their tiles and full-frame passes when sliced
     * @param waitNanos how long this frame waited before its batch was dispatched
     * @param inferenceNanos duration of the model call
     */
    record BatchInfo(int size, int inputs, long waitNanos, long inferenceNanos) {}

    private static final class Request {
        final Frame frame;
        final BgrImage image;
        final FramePolicy policy;
        /** Null: the frame goes to the model whole. */
        final Slicing slicing;
        final int inputs;
        final Completion completion;
        final long enqueuedNanos;

        Request(Frame frame, FramePolicy policy, Slicing slicing, Completion completion, long enqueuedNanos) {
            this.frame = frame;
            this.image = new BgrImage(frame.width(), frame.height(), frame.pixels());
            this.policy = policy;
            this.slicing = slicing;
            this.inputs = slicing == null ? 1 : slicing.passes(image).size();
            this.completion = completion;
            this.enqueuedNanos = enqueuedNanos;
        }
    }

    private final String device;
    private final BatchingSettings settings;
    private final BatchClock clock;
    private final Executor batchThreads;
    private final Runnable onClose;
    private final String modelName;

    private final Object lock = new Object();
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    /** Model inputs of the {@link #waiting} frames. */
    private int waitingInputs;
    /** Per camera, its request still waiting under the latest-frame-wins policy. */
    private final Map<String, Request> waitingLatest = new HashMap<>();
    private final ArrayDeque<Detector> idleDetectors = new ArrayDeque<>();
    private Runnable cancelFlushTimer;
    private long flushTimerDueNanos;
    private boolean closed;

    /**
     * @param device name of the device, for messages
     * @param detectors one detector handle per slot (they may share a loaded model)
     * @param batchThreads runs dispatched batches; needs one thread per slot to use them all
     * @param onClose releases the threads and clock when this batcher closes
     */
    DeviceBatcher(String device, BatchingSettings settings, List<Detector> detectors, BatchClock clock,
            Executor batchThreads, Runnable onClose) {
        if (detectors.size() != settings.slotsPerDevice()) {
            throw new IllegalArgumentException(
                    "need one detector per slot: " + settings.slotsPerDevice() + " slots, " + detectors.size() + " detectors");
        }
        this.device = device;
        this.settings = settings;
        this.clock = clock;
        this.batchThreads = batchThreads;
        this.onClose = onClose;
        this.idleDetectors.addAll(detectors);
        this.modelName = detectors.get(0).modelName();
    }

    /** Name of the model this batcher runs. */
    String modelName() {
        return modelName;
    }

    /**
     * Queues {@code frame} for detection, sliced as {@code slicing} says (null: whole); its completion is called
     * once, from a batch thread.
     */
    void submit(Frame frame, FramePolicy policy, Slicing slicing, Completion completion) {
        // Laid out before taking the lock that every subtask on the device shares: a 4K frame has many tiles.
        Request request = new Request(frame, policy, slicing, completion, clock.nanoTime());
        Request replaced = null;
        synchronized (lock) {
            if (closed) {
                completion.failed(new CancellationException("the detector on " + device + " is closed"));
                return;
            }
            if (policy == FramePolicy.LATEST) {
                replaced = waitingLatest.put(frame.cameraId(), request);
            }
            if (replaced != null) {
                replaceInPlace(replaced, request);
                waitingInputs -= replaced.inputs;
            } else {
                waiting.addLast(request);
            }
            waitingInputs += request.inputs;
            dispatchReady();
        }
        if (replaced != null) {
            replaced.completion.skipped();
        }
    }

    /** Frames waiting for a slot, for the queue-depth metric. */
    int waitingFrames() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    private void replaceInPlace(Request old, Request newer) {
        // Keep the camera's place in the queue, so a camera under the latest-frame policy is not
        // pushed back by its own newer frames.
        List<Request> rebuilt = new ArrayList<>(waiting.size());
        for (Request r : waiting) {
            rebuilt.add(r == old ? newer : r);
        }
        waiting.clear();
        waiting.addAll(rebuilt);
    }

    /** Dispatches every batch that is ready and has a free slot; schedules the flush timer otherwise. */
    private void dispatchReady() {
        long now = clock.nanoTime();
        while (!waiting.isEmpty() && !idleDetectors.isEmpty()
                && (waitingInputs >= settings.maxBatchSize() || oldestWaitedEnough(now))) {
            List<Request> batch = new ArrayList<>(Math.min(waiting.size(), settings.maxBatchSize()));
            int inputs = 0;
            // Whole frames while their inputs fit; the first frame goes even when it alone is larger.
            while (!waiting.isEmpty()
                    && (batch.isEmpty() || inputs + waiting.peekFirst().inputs <= settings.maxBatchSize())) {
                Request r = waiting.pollFirst();
                if (r.policy == FramePolicy.LATEST) {
                    waitingLatest.remove(r.frame.cameraId(), r);
                }
                batch.add(r);
                inputs += r.inputs;
            }
            waitingInputs -= inputs;
            Detector detector = idleDetectors.pollFirst();
            int batchInputs = inputs;
            batchThreads.execute(() -> run(batch, batchInputs, detector, now));
        }
        scheduleFlush(now);
    }

    private boolean oldestWaitedEnough(long now) {
        return now - waiting.peekFirst().enqueuedNanos >= settings.maxWait().toNanos();
    }

    private void scheduleFlush(long now) {
        if (waiting.isEmpty() || idleDetectors.isEmpty()) {
            // Nothing to flush, or a finishing batch will dispatch.
            return;
        }
        long due = waiting.peekFirst().enqueuedNanos + settings.maxWait().toNanos();
        if (cancelFlushTimer != null && flushTimerDueNanos == due) {
            return;
        }
        if (cancelFlushTimer != null) {
            cancelFlushTimer.run();
        }
        flushTimerDueNanos = due;
        cancelFlushTimer = clock.schedule(() -> {
            synchronized (lock) {
                cancelFlushTimer = null;
                if (!closed) {
                    dispatchReady();
                }
            }
        }, Math.max(0, due - now));
    }

    private void run(List<Request> batch, int inputs, Detector detector, long dispatchedNanos) {
        List<BgrImage> images = new ArrayList<>(batch.size());
        List<Slicing> slicing = new ArrayList<>(batch.size());
        for (Request r : batch) {
            images.add(r.image);
            slicing.add(r.slicing);
        }
        List<DetectionResult> results = null;
        Throwable failure = null;
        long start = clock.nanoTime();
        try {
            results = SlicedDetection.detect(detector, images, slicing);
            if (results.size() != batch.size()) {
                throw new IllegalStateException("model returned " + results.size() + " results for " + batch.size() + " frames");
            }
        } catch (RuntimeException e) {
            failure = new DetectionFailedException(describe(batch, inputs, detector), e);
        } catch (Error e) {
            failure = e;
        }
        long inference = clock.nanoTime() - start;
        synchronized (lock) {
            idleDetectors.addLast(detector);
            if (!closed) {
                dispatchReady();
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            // One caller's broken completion must not leave the other frames of the batch waiting.
            try {
                if (failure != null) {
                    r.completion.failed(failure);
                } else {
                    r.completion.detected(results.get(i),
                            new BatchInfo(batch.size(), inputs, dispatchedNanos - r.enqueuedNanos, inference));
                }
            } catch (RuntimeException e) {
                LOG.error("completing frame {} of camera '{}' failed", r.frame.sequence(), r.frame.cameraId(), e);
            }
        }
    }

    private String describe(List<Request> batch, int inputs, Detector detector) {
        StringBuilder frames = new StringBuilder();
        for (Iterator<Request> it = batch.iterator(); it.hasNext(); ) {
            Frame f = it.next().frame;
            frames.append(f.cameraId()).append('#').append(f.sequence());
            if (it.hasNext()) {
                frames.append(", ");
            }
        }
        String tiles = inputs == batch.size() ? "" : ", " + inputs + " model inputs with their tiles";
        return "model " + detector.modelName() + " on " + device + " failed on a batch of " + batch.size()
                + " frames (" + frames + tiles + ")";
    }

    /**
     * Fails every frame still waiting and stops accepting new ones. Batches already running finish
     * and complete normally; nothing waits for them here, so closing never hangs.
     */
    @Override
    public void close() {
        List<Request> abandoned;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (cancelFlushTimer != null) {
                cancelFlushTimer.run();
                cancelFlushTimer = null;
            }
            abandoned = new ArrayList<>(waiting);
            waiting.clear();
            waitingInputs = 0;
            waitingLatest.clear();
        }
        CancellationException cause = new CancellationException("the detector on " + device + " closed with "
                + abandoned.size() + " frames still waiting");
        for (Request r : abandoned) {
            r.completion.failed(cause);
        }
        onClose.run();
    }
}
