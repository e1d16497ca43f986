package dev.vigil.job;

import dev.vigil.job.config.RtspOptions;
import dev.vigil.job.config.Secrets;
import dev.vigil.job.config.ValueType;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.sinks.CameraStatusJson;
import dev.vigil.sinks.JsonLinesSink;
import dev.vigil.sources.Frame;
import dev.vigil.sources.rtsp.CameraRecord;
import dev.vigil.sources.rtsp.CameraConnection;
import dev.vigil.sources.rtsp.CameraStatus;
import dev.vigil.sources.rtsp.ReconnectPolicy;
import dev.vigil.sources.rtsp.RtspCameraSource;
import dev.vigil.sources.rtsp.SplitCameraRecords;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;

/**
 * Frames from live RTSP cameras ({@code input.type: rtsp}). The source's status changes are split off
 * right after it and go to the status sinks (by default {@code out/camera-status.jsonl}); the frames go on
 * to detection. Uids: {@code rtsp-cameras} (source), {@code rtsp-split}, {@code camera-status-<n>}.
 */
public final class RtspFrameInput implements FrameInput {

    /** Event time is the decode wall clock of one TaskManager: cameras of a subtask interleave closely. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    /** A subtask whose cameras are all down must not hold back event time for the others. */
    static final Duration IDLENESS = Duration.ofSeconds(5);

    private final RtspCameraSource source;
    private final List<Sink<CameraStatus>> statusSinks;

    public RtspFrameInput(RtspCameraSource source, List<Sink<CameraStatus>> statusSinks) {
        this.source = source;
        this.statusSinks = List.copyOf(statusSinks);
    }

    /** The input the config describes, or {@code null} with the reasons (key paths, masked) added to {@code problems}. */
    static RtspFrameInput fromConfig(VigilConfig config, List<String> problems, Path statusFile) {
        List<Object> cameras = config.get(RtspOptions.CAMERAS);
        String key = RtspOptions.CAMERAS.key();
        if (cameras == null || cameras.isEmpty()) {
            problems.add(key + ": at least one camera is required for input.type rtsp, e.g. "
                    + "[{id: gate, url: rtsp://host:8554/stream}]");
            return null;
        }
        int before = problems.size();
        RtspCameraSource.Builder builder = RtspCameraSource.builder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraConnection camera = camera(cameras.get(i), key + "[" + i + "]", ids, problems);
            if (camera != null) {
                builder.addCamera(camera);
            }
        }
        try {
            builder.reconnect(new ReconnectPolicy(config.get(RtspOptions.RECONNECT_INITIAL_DELAY),
                    config.get(RtspOptions.RECONNECT_MAX_DELAY),
                    config.get(RtspOptions.RECONNECT_MAX_ATTEMPTS).intValue(), ReconnectPolicy.DEFAULT.jitter()));
        } catch (IllegalArgumentException e) {
            problems.add("input.reconnect: " + e.getMessage());
        }
        builder.failFast(config.get(RtspOptions.FAIL_FAST));
        if (problems.size() > before) {
            return null;
        }
        try {
            return new RtspFrameInput(builder.build(),
                    List.of(JsonLinesSink.toFile(statusFile, new CameraStatusJson())));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    private static CameraConnection camera(Object entry, String where, List<String> ids, List<String> problems) {
        if (!(entry instanceof Map)) {
            problems.add(where + ": expected a section with keys " + RtspOptions.CAMERA_KEYS + ", got "
                    + (entry == null ? "nothing" : "'" + Secrets.masked(entry) + "'"));
            return null;
        }
        Map<?, ?> fields = (Map<?, ?>) entry;
        int before = problems.size();
        for (Object name : fields.keySet()) {
            if (!RtspOptions.CAMERA_KEYS.contains(String.valueOf(name))) {
                problems.add(where + "." + name + ": unknown key; camera keys: " + RtspOptions.CAMERA_KEYS);
            }
        }
        String id = text(fields, "id");
        String url = text(fields, "url");
        if (id == null || id.isBlank()) {
            problems.add(where + ".id: required (a unique camera id)");
        } else if (ids.contains(id)) {
            problems.add(where + ".id: duplicate camera id '" + id + "'");
        } else {
            ids.add(id);
        }
        if (url == null || url.isBlank()) {
            problems.add(where + ".url: required (rtsp://host:port/path)");
        }
        CameraConnection.Transport transport = CameraConnection.Transport.TCP;
        String transportText = text(fields, "transport");
        if (transportText != null) {
            try {
                transport = CameraConnection.Transport.valueOf(transportText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".transport: expected tcp or udp, got '" + transportText + "'");
            }
        }
        Duration timeout = RtspOptions.DEFAULT_CAMERA_TIMEOUT;
        if (fields.get("timeout") != null) {
            try {
                timeout = ValueType.duration().read(fields.get("timeout"));
            } catch (IllegalArgumentException e) {
                problems.add(where + ".timeout: " + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        CameraConnection camera = new CameraConnection(id, url.trim(), text(fields, "username"), text(fields, "password"),
                transport, timeout);
        List<String> cameraProblems = camera.problems();
        if (!cameraProblems.isEmpty()) {
            problems.add(where + ": " + String.join("; ", cameraProblems));
        }
        return problems.size() > before ? null : camera;
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** The cameras the job must not start without (all of them with fail-fast, else none). */
    List<CameraConnection> camerasRequiredAtStart() {
        return source.camerasRequiredAtStart();
    }

    /** Camera ids in configured order. */
    @Override
    public Optional<List<String>> cameraIds() {
        return Optional.of(source.cameraIds());
    }

    /** Latest frame wins: latency stays bounded when the detector falls behind a live camera. */
    @Override
    public FramePolicy defaultFramePolicy() {
        return FramePolicy.LATEST;
    }

    @Override
    public DataStream<Frame> addTo(StreamExecutionEnvironment env) {
        DataStream<CameraRecord> records = env.fromSource(
                        source,
                        WatermarkStrategy.<CameraRecord>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((record, previous) -> record.timestampMillis())
                                .withIdleness(IDLENESS),
                        "rtsp-cameras")
                .uid("rtsp-cameras");
        SingleOutputStreamOperator<Frame> frames = records
                .process(new SplitCameraRecords(), TypeInformation.of(Frame.class))
                .name("frames and camera status")
                .uid("rtsp-split");
        DataStream<CameraStatus> statuses = frames.getSideOutput(SplitCameraRecords.STATUS);
        for (int i = 0; i < statusSinks.size(); i++) {
            statuses.sinkTo(statusSinks.get(i)).name("camera status " + i).uid("camera-status-" + i);
        }
        return frames;
    }
}
