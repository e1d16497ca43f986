package dev.vigil.sources.rtsp;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live RTSP cameras, decoded with FFmpeg into BGR24 frames; each camera is a split, several cameras per
 * subtask, each decoded on its own thread.
 *
 * <p><b>What is emitted.</b> {@link CameraRecord}s: frames, and a {@link CameraStatus} at every change of a
 * camera's connection (connecting, streaming, stalled, reconnecting, failed). A frame's event time is the
 * wall clock when it was decoded; its sequence number rises by one per decoded frame and keeps rising
 * across reconnects (by the estimated number of frames lost in the outage) and restores.
 *
 * <p><b>Latest frame wins.</b> Frames are decoded continuously; when the pipeline falls behind, only a
 * camera's newest frame is handed on and the others are counted as skipped ({@code framesSkipped}). The
 * source never queues frames, so its share of latency stays bounded.
 *
 * <p><b>Failures.</b> Any error, end of stream, or a read that waits longer than the camera's timeout
 * closes the connection and reconnects with exponential backoff and jitter; a camera down at start is
 * retried the same way. The job never fails because of a camera, unless fail-fast is set and a camera is
 * unreachable at start. Credentials never appear in logs, metrics, status events or exceptions.
 *
 * <p><b>Guarantees.</b> At most once per frame (it is live video: a frame missed while down or skipped is
 * gone). Checkpoints keep each camera's next sequence number; after a restore each camera goes on from the
 * live stream with the next number. Adding or removing cameras between savepoints keeps the state of the
 * others.
 */
public final class RtspCameraSource
        implements Source<CameraRecord, CameraSplit, CameraAssignments>, ResultTypeQueryable<CameraRecord> {

    private static final long serialVersionUID = 1L;

    /** What every reader needs: the cameras by id, and how to connect and reconnect. */
    record Settings(Map<String, CameraConnection> cameras, ReconnectPolicy reconnect, boolean failFast,
            CameraFeed.Connector connector) implements Serializable {

        CameraConnection camera(String id) {
            return cameras.get(id);
        }
    }

    private final Settings settings;

    private RtspCameraSource(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Camera ids in configured order. */
    public List<String> cameraIds() {
        return List.copyOf(settings.cameras().keySet());
    }

    /**
     * The cameras the job must not start without: every camera with fail-fast, none without it (a camera
     * down at start is then retried like any other).
     */
    public List<CameraConnection> camerasRequiredAtStart() {
        return settings.failFast() ? List.copyOf(settings.cameras().values()) : List.of();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<CameraRecord, CameraSplit> createReader(SourceReaderContext readerContext) {
        return new RtspSourceReader(readerContext, settings);
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraAssignments> createEnumerator(
            SplitEnumeratorContext<CameraSplit> enumContext) {
        return new CameraSplitEnumerator(enumContext, cameraIds(), CameraSplitEnumerator.initial());
    }

    @Override
    public SplitEnumerator<CameraSplit, CameraAssignments> restoreEnumerator(
            SplitEnumeratorContext<CameraSplit> enumContext, CameraAssignments checkpoint) {
        return new CameraSplitEnumerator(enumContext, cameraIds(), checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<CameraSplit> getSplitSerializer() {
        return CameraSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<CameraAssignments> getEnumeratorCheckpointSerializer() {
        return CameraAssignmentsSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<CameraRecord> getProducedType() {
        return TypeInformation.of(CameraRecord.class);
    }

    /** Collects cameras and reconnect settings; {@link #build()} checks them all. */
    public static final class Builder {

        private final List<CameraConnection> cameras = new ArrayList<>();
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private boolean failFast;
        private CameraFeed.Connector connector = FfmpegCameraFeed.CONNECTOR;

        private Builder() {}

        public Builder addCamera(CameraConnection camera) {
            cameras.add(java.util.Objects.requireNonNull(camera, "camera"));
            return this;
        }

        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Fail the job when a camera cannot be reached at start; off (the default) retries it instead. */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        Builder connector(CameraFeed.Connector connector) {
            this.connector = connector;
            return this;
        }

        /**
         * @throws IllegalArgumentException listing every problem (credentials masked)
         */
        public RtspCameraSource build() {
            List<String> problems = new ArrayList<>();
            if (cameras.isEmpty()) {
                problems.add("no camera added");
            }
            Map<String, CameraConnection> byId = new LinkedHashMap<>();
            for (CameraConnection camera : cameras) {
                problems.addAll(camera.problems());
                if (byId.putIfAbsent(camera.cameraId(), camera) != null) {
                    problems.add("duplicate camera id '" + camera.cameraId() + "'");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new RtspCameraSource(new Settings(byId, reconnect, failFast, connector));
        }
    }
}
