package dev.vigil.job.cli.bench;

import dev.vigil.job.RtspFrameInput;
import dev.vigil.job.VigilPipeline;
import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.BatchingSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.sources.rtsp.CameraConnection;
import dev.vigil.sources.rtsp.RtspCameraSource;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Live-camera benchmark: runs the pipeline on the embedded mini-cluster against RTSP cameras for a while
 * and prints capture-to-result latency percentiles and, per camera, frames decoded, detected and skipped.
 * The detector is a stand-in that costs {@code --detector-ms} per frame (so overload is easy to set up), or
 * a real catalogue model with {@code --model}.
 */
@Command(
        name = "bench-live",
        mixinStandardHelpOptions = true,
        description = {
            "Measures end-to-end latency (capture to result: p50/p95/p99) and skipped frames with live RTSP cameras.",
            "Test server: /usr/bin/python3 src/test/services/rtsp-server.py --port 8554 --mount cam=pattern:320x240@25"
        })
public final class LiveBenchCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "RTSP URL of the camera (credentials are masked in output).")
    String url;

    @Option(names = "--cameras", defaultValue = "1",
            description = "Open the URL this many times, as separate cameras. Default: ${DEFAULT-VALUE}")
    int cameras;

    @Option(names = "--seconds", defaultValue = "30", description = "How long to measure. Default: ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--detector-ms", defaultValue = "100",
            description = "Cost per frame of the stand-in detector (100 = 10 fps, below a 25 fps camera). "
                    + "Default: ${DEFAULT-VALUE}")
    long detectorMillis;

    @Option(names = "--model", description = "Use this catalogue model instead of the stand-in detector.")
    String model;

    @Option(names = "--policy", defaultValue = "latest", description = "latest or lossless. Default: ${DEFAULT-VALUE}")
    String policy;

    @Option(names = "--transport", defaultValue = "tcp", description = "tcp or udp. Default: ${DEFAULT-VALUE}")
    String transport;

    @Override
    public Integer call() throws Exception {
        RtspCameraSource.Builder builder = RtspCameraSource.builder();
        for (int i = 0; i < cameras; i++) {
            builder.addCamera(new CameraConnection("cam" + i, url, null, null,
                    CameraConnection.Transport.valueOf(transport.toUpperCase(java.util.Locale.ROOT)), Duration.ofSeconds(5)));
        }
        RtspCameraSource source = builder.build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        ResultRecorder recorder = new ResultRecorder();
        FramePolicy framePolicy = FramePolicy.valueOf(policy.toUpperCase(java.util.Locale.ROOT));
        BatchingSettings batching = new BatchingSettings(model == null ? 1 : 4, Duration.ofMillis(20), 1);
        DetectionSettings detection = new DetectionSettings(batching, framePolicy,
                DetectionSettings.defaultCapacity(batching, framePolicy, cameras), Duration.ofSeconds(600));
        new VigilPipeline(new RtspFrameInput(source, List.of(new DiscardingSink<>())), provider(), detection)
                .toResults("results", recorder)
                .toRejects("rejects", new DiscardingSink<>())
                .addTo(env);
        JobClient job = env.executeAsync("vigil-bench-live");
        System.err.println("bench-live: measuring " + cameras + " camera(s) for " + seconds + " s");
        Thread.sleep(seconds * 1000L);
        job.cancel().get();
        report(recorder.takeArrivals());
        return 0;
    }

    private DetectorProvider provider() {
        if (model != null) {
            ModelSettings settings = ModelSettings.named(model);
            return DetectorProvider.of("bench-live:" + model, device -> Detectors.open(settings, device.gpuIndex()));
        }
        long cost = detectorMillis;
        return DetectorProvider.of("bench-live:stand-in-" + cost, device -> new StandInDetector(cost));
    }

    private void report(List<ResultRecorder.Arrival> arrivals) {
        if (arrivals.isEmpty()) {
            System.out.println("no results: is the camera reachable? (see the log for camera status)");
            return;
        }
        // The first seconds include connecting and the first key frame; measure the steady state.
        long start = arrivals.stream().mapToLong(ResultRecorder.Arrival::arrivedMillis).min().orElse(0) + 2000;
        List<ResultRecorder.Arrival> steady = arrivals.stream().filter(a -> a.arrivedMillis() >= start).toList();
        List<Long> latencies = steady.stream().map(a -> a.arrivedMillis() - a.ingestMillis()).sorted().toList();
        System.out.printf("capture-to-result latency over %d results: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                latencies.size(), pct(latencies, 0.50), pct(latencies, 0.95), pct(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        Map<String, List<ResultRecorder.Arrival>> byCamera = new TreeMap<>(
                steady.stream().collect(Collectors.groupingBy(ResultRecorder.Arrival::cameraId)));
        byCamera.forEach((camera, list) -> {
            long first = list.stream().mapToLong(ResultRecorder.Arrival::sequence).min().orElse(0);
            long last = list.stream().mapToLong(ResultRecorder.Arrival::sequence).max().orElse(0);
            long decoded = last - first + 1;
            // Each camera over its own span: cameras connect at slightly different times.
            double span = Math.max(0.001, (list.stream().mapToLong(ResultRecorder.Arrival::ingestMillis).max().orElse(0)
                    - list.stream().mapToLong(ResultRecorder.Arrival::ingestMillis).min().orElse(0)) / 1000.0);
            System.out.printf("%s: %d frames decoded (%.1f fps), %d detected (%.1f fps), %d skipped (%.0f %%)%n",
                    camera, decoded, decoded / span, list.size(), list.size() / span, decoded - list.size(),
                    100.0 * (decoded - list.size()) / decoded);
        });
        if (byCamera.size() < cameras) {
            System.out.println((cameras - byCamera.size()) + " camera(s) delivered no results");
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }

    /** Costs a fixed time per frame and finds nothing: a model slower or faster than the camera. */
    private static final class StandInDetector implements Detector {

        private final long millisPerFrame;

        StandInDetector(long millisPerFrame) {
            this.millisPerFrame = millisPerFrame;
        }

        @Override
        public String modelName() {
            return "stand-in-" + millisPerFrame + "ms";
        }

        @Override
        public List<String> classNames() {
            return List.of("thing");
        }

        @Override
        public List<DetectionResult> detect(List<BgrImage> images) {
            try {
                Thread.sleep(millisPerFrame * images.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<DetectionResult> results = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                results.add(new DetectionResult(List.of(), images.size(), 0, 0, 0));
            }
            return results;
        }

        @Override
        public void close() {}
    }
}
