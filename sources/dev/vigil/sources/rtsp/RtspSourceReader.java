package dev.vigil.sources.rtsp;

import dev.vigil.sources.CameraMetricGroup;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reader of an {@link RtspCameraSource}: one {@link CameraStream} decode thread per assigned camera;
 * the task thread takes each camera's newest frame in turn, and every status change, and emits them.
 * Status changes are never dropped; frames the task thread did not get to in time are (latest wins).
 */
final class RtspSourceReader implements SourceReader<CameraRecord, CameraSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(RtspSourceReader.class);

    private final SourceReaderContext context;
    private final RtspCameraSource.Settings settings;
    private final Map<String, CameraStream> streams = new LinkedHashMap<>();
    /** Per camera, the sequence number of the next frame to emit: what a checkpoint keeps. */
    private final Map<String, Long> nextSequence = new LinkedHashMap<>();
    private final Queue<CameraStatus> statuses = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private volatile Exception fatal;
    private int turn;

    RtspSourceReader(SourceReaderContext context, RtspCameraSource.Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<CameraRecord> output) throws Exception {
        if (fatal != null) {
            throw fatal;
        }
        CameraStatus status = statuses.poll();
        if (status != null) {
            output.collect(CameraRecord.of(status), status.timeMillis());
            return InputStatus.MORE_AVAILABLE;
        }
        List<CameraStream> cameras = new ArrayList<>(streams.values());
        for (int i = 0; i < cameras.size(); i++) {
            CameraStream stream = cameras.get((turn + i) % cameras.size());
            dev.vigil.sources.Frame frame = stream.takeNewest();
            if (frame != null) {
                turn = (turn + i + 1) % cameras.size();
                nextSequence.put(stream.cameraId(), frame.sequence() + 1);
                output.collect(CameraRecord.of(frame), frame.timestampMillis());
                return InputStatus.MORE_AVAILABLE;
            }
        }
        synchronized (lock) {
            if (statuses.isEmpty() && fatal == null && cameras.stream().noneMatch(CameraStream::hasFrame)) {
                if (available.isDone()) {
                    available = new CompletableFuture<>();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        synchronized (lock) {
            return available;
        }
    }

    private void signal() {
        synchronized (lock) {
            available.complete(null);
        }
    }

    @Override
    public List<CameraSplit> snapshotState(long checkpointId) {
        List<CameraSplit> splits = new ArrayList<>();
        nextSequence.forEach((id, next) -> splits.add(new CameraSplit(id, next)));
        return splits;
    }

    @Override
    public void addSplits(List<CameraSplit> splits) {
        for (CameraSplit split : splits) {
            CameraConnection camera = settings.camera(split.cameraId());
            if (camera == null) {
                // Restored from a savepoint taken with a camera that the configuration no longer has.
                LOG.info("Camera '{}' is no longer configured; dropping its state", split.cameraId());
                continue;
            }
            if (streams.containsKey(split.cameraId())) {
                continue;
            }
            LOG.info("Starting {} at sequence {}", camera, split.nextSequence());
            nextSequence.put(split.cameraId(), split.nextSequence());
            CameraStream stream = new CameraStream(camera, settings.reconnect(), settings.failFast(),
                    split.nextSequence(), settings.connector(), listener(),
                    CameraMetricGroup.of(context.metricGroup(), split.cameraId()), System::currentTimeMillis,
                    CameraStream.REAL_SLEEP, () -> ThreadLocalRandom.current().nextDouble());
            streams.put(split.cameraId(), stream);
            stream.start();
        }
    }

    private CameraStream.Listener listener() {
        return new CameraStream.Listener() {
            @Override
            public void frameReady() {
                signal();
            }

            @Override
            public void status(CameraStatus status) {
                log(status);
                statuses.add(status);
                signal();
            }

            @Override
            public void fatal(Exception error) {
                fatal = error;
                signal();
            }
        };
    }

    private static void log(CameraStatus status) {
        switch (status.state()) {
            case STREAMING, CONNECTING -> LOG.info("Camera '{}' {}: {}", status.cameraId(), status.state(),
                    status.message());
            case FAILED -> LOG.error("Camera '{}' {}: {}", status.cameraId(), status.state(), status.message());
            default -> LOG.warn("Camera '{}' {}: {}", status.cameraId(), status.state(), status.message());
        }
    }

    @Override
    public void notifyNoMoreSplits() {}

    @Override
    public void close() throws Exception {
        for (CameraStream stream : streams.values()) {
            stream.stop();
        }
        for (CameraStream stream : streams.values()) {
            stream.awaitStop(1000);
        }
        streams.clear();
    }
}
