package dev.vigil.operators.detect;

import dev.vigil.models.DetectionResult;
import dev.vigil.sources.CameraMetricGroup;
import dev.vigil.sources.Frame;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * The detection stage: hands each frame to the {@link DeviceBatcher} of its model and device,
 * which batches frames from every subtask and camera of the TaskManager, and emits the frame's
 * detections when its batch is done.
 *
 * <p>Run it with {@link org.apache.flink.streaming.api.datastream.AsyncDataStream#orderedWait}:
 * Flink's async operator bounds the frames in flight per subtask (its capacity; a full operator
 * backpressures the source), keeps in-flight frames in checkpoints so none is lost on a restore,
 * and emits results in input order, so each camera's results come out in frame order. Its capacity
 * counts frames; this function also bounds their pixel bytes ({@link InFlightBytes}), so that
 * high-resolution frames do not multiply memory and checkpoint size by the capacity.
 *
 * <p>Failures: a model error fails the frames of its batch with a {@link DetectionFailedException}
 * naming model, device and frames, and the job's restart strategy applies; so does a frame that is
 * not detected within the operator's timeout. Closing releases the batcher; frames still waiting
 * in it are failed, never waited for without bound.
 *
 * <p>Metrics: see {@link DetectMetrics}. (Async functions cannot hold accumulators; the job's totals are kept
 * by {@link ScreenFrames} and {@link TallyDetections} around this stage.)
 */
public class AsyncDetect extends RichAsyncFunction<Frame, FrameDetections> {

    private static final long serialVersionUID = 1L;

    private final DetectorProvider detectorProvider;
    private final BatchingSettings batching;
    private final FramePolicy policy;
    private final long maxInFlightBytes;
    private final CameraSlicing slicing;

    private transient InFlightBytes inFlight;
    private transient ComputeDevice device;
    private transient DeviceBatcher batcher;
    // Kept apart from the batcher: completions of a closing job still arrive after close() let it go.
    private transient String modelName;
    private transient Histogram batchSize;
    private transient Histogram batchInputs;
    private transient Histogram batchWaitMillis;
    private transient Histogram inferenceMillis;
    private transient Map<String, CameraMetrics> cameras;

    public AsyncDetect(DetectorProvider detectorProvider, BatchingSettings batching, FramePolicy policy) {
        this(detectorProvider, batching, policy, DetectionSettings.DEFAULT_MAX_IN_FLIGHT_BYTES);
    }

    /** A detection stage that holds at most {@code maxInFlightBytes} of pixels in flight per subtask. */
    public AsyncDetect(DetectorProvider detectorProvider, BatchingSettings batching, FramePolicy policy,
            long maxInFlightBytes) {
        this(detectorProvider, batching, policy, maxInFlightBytes, CameraSlicing.NONE);
    }

    /** A detection stage that slices each camera's frames as {@code slicing} says (sliced inference). */
    public AsyncDetect(DetectorProvider detectorProvider, BatchingSettings batching, FramePolicy policy,
            long maxInFlightBytes, CameraSlicing slicing) {
        this.detectorProvider = Objects.requireNonNull(detectorProvider, "detectorProvider");
        this.batching = Objects.requireNonNull(batching, "batching");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (maxInFlightBytes < 1) {
            throw new IllegalArgumentException("maxInFlightBytes must be >= 1, was " + maxInFlightBytes);
        }
        this.maxInFlightBytes = maxInFlightBytes;
        this.slicing = Objects.requireNonNull(slicing, "slicing");
    }

    @Override
    public void open(OpenContext openContext) {
        device = assignedDevice();
        batcher = DeviceBatchers.acquire(detectorProvider, device, batching);
        modelName = batcher.modelName();
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        batchSize = metrics.histogram(DetectMetrics.BATCH_SIZE, new DescriptiveStatisticsHistogram(DetectMetrics.HISTOGRAM_WINDOW));
        batchInputs = metrics.histogram(DetectMetrics.BATCH_INPUTS, new DescriptiveStatisticsHistogram(DetectMetrics.HISTOGRAM_WINDOW));
        batchWaitMillis = metrics.histogram(DetectMetrics.BATCH_WAIT_MILLIS, new DescriptiveStatisticsHistogram(DetectMetrics.HISTOGRAM_WINDOW));
        inferenceMillis = metrics.histogram(DetectMetrics.INFERENCE_MILLIS, new DescriptiveStatisticsHistogram(DetectMetrics.HISTOGRAM_WINDOW));
        DeviceBatcher gaugeSource = batcher;
        metrics.gauge(DetectMetrics.QUEUE_DEPTH, gaugeSource::waitingFrames);
        inFlight = new InFlightBytes(maxInFlightBytes);
        InFlightBytes held = inFlight;
        metrics.gauge(DetectMetrics.IN_FLIGHT_BYTES, held::heldBytes);
        cameras = new HashMap<>();
    }

    private ComputeDevice assignedDevice() {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        try {
            return ComputeDevice.assign(getRuntimeContext().getExternalResourceInfos(ComputeDevice.GPU_RESOURCE), subtask);
        } catch (UnsupportedOperationException | IllegalStateException noExternalResources) {
            // Test harnesses and some local contexts have no external resources: use the CPU.
            return ComputeDevice.CPU;
        }
    }

    @Override
    public void asyncInvoke(Frame frame, ResultFuture<FrameDetections> result) throws InterruptedException {
        CameraMetrics camera = cameras.computeIfAbsent(frame.cameraId(), this::registerCamera);
        InFlightBytes held = inFlight;
        InFlightBytes.Ticket ticket = held.admit(frame.pixels().length);
        batcher.submit(frame, policy, slicing.forCamera(frame.cameraId()), new DeviceBatcher.Completion() {
            @Override
            public void detected(DetectionResult detections, DeviceBatcher.BatchInfo batch) {
                FrameDetections record = toRecord(frame, detections, batch);
                record(batch, detections.tiles(), camera);
                result.complete(Collections.singleton(record));
                held.release(ticket);
            }

            @Override
            public void skipped() {
                camera.skipped.inc();
                result.complete(Collections.emptyList());
                held.release(ticket);
            }

            @Override
            public void failed(Throwable cause) {
                result.completeExceptionally(cause);
                held.release(ticket);
            }
        });
    }

    @Override
    public void timeout(Frame frame, ResultFuture<FrameDetections> result) {
        DeviceBatcher current = batcher;
        String waiting = current == null ? "" : " (" + current.waitingFrames() + " frames waiting for a slot)";
        result.completeExceptionally(new TimeoutException("frame " + frame.sequence() + " of camera '"
                + frame.cameraId() + "' was not detected within the detection timeout on " + device + waiting
                + "; raise detect.timeout or lower the load"));
    }

    private FrameDetections toRecord(Frame frame, DetectionResult result, DeviceBatcher.BatchInfo batch) {
        return new FrameDetections(frame.cameraId(), frame.sequence(), frame.timestampMillis(), frame.width(),
                frame.height(), modelName, result.detections(),
                new FrameDetections.Timing(frame.ingestTimeMillis(), System.currentTimeMillis(), batch.size(),
                        result.preprocessMicros(), batch.inferenceNanos() / 1000, result.postprocessMicros(),
                        result.tiles(), batch.inputs()),
                frame.motion());
    }

    /** Completions arrive on batch threads, several at once with several slots: guard the shared metrics. */
    private void record(DeviceBatcher.BatchInfo batch, int tiles, CameraMetrics camera) {
        camera.detected.inc();
        camera.tiles.inc(tiles);
        synchronized (this) {
            batchSize.update(batch.size());
            batchInputs.update(batch.inputs());
            batchWaitMillis.update(batch.waitNanos() / 1_000_000);
            inferenceMillis.update(batch.inferenceNanos() / 1_000_000);
        }
    }

    private CameraMetrics registerCamera(String cameraId) {
        MetricGroup group = CameraMetricGroup.of(getRuntimeContext().getMetricGroup(), cameraId);
        return new CameraMetrics(
                CameraMetricGroup.countedPerSecond(group, DetectMetrics.FRAMES_DETECTED, new ThreadSafeSimpleCounter()),
                CameraMetricGroup.countedPerSecond(group, DetectMetrics.FRAMES_SKIPPED, new ThreadSafeSimpleCounter()),
                CameraMetricGroup.countedPerSecond(group, DetectMetrics.TILES_DETECTED, new ThreadSafeSimpleCounter()));
    }

    private record CameraMetrics(Counter detected, Counter skipped, Counter tiles) {}

    @Override
    public void close() {
        if (batcher != null) {
            batcher = null;
            DeviceBatchers.release(detectorProvider, device, batching);
        }
    }
}
