package dev.vigil.job.cli.bench;

import dev.vigil.job.VigilPipeline;
import dev.vigil.models.BgrImage;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.operators.detect.CameraSlicing;
import dev.vigil.models.Slicing;
import dev.vigil.models.ModelDescription;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.detect.BatchingSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.sources.Frame;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.sources.file.VideoInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code vigil bench}: measures the detector alone and the whole job on a video, and prints the
 * figures as JSON. Runs on the embedded mini-cluster; a timing here is only comparable with one
 * taken on the same machine.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures detection throughput and latency and prints them as JSON:",
            "  raw    the model alone (same ONNX Runtime settings, no Flink), per batch size;",
            "  job    the full job on the video (decode -> detect -> sink), its ratio to raw, latency percentiles;",
            "  multi  the video as several cameras sharing one model instance;",
            "  live   paced cameras above capacity with the latest-frame policy: latency and skipped frames;",
            "  tracker  tracker updates per second with 10, 50 and 200 objects per frame, camera-motion estimation "
                    + "(tracking.camera-motion: auto) in ms per frame at 640x360 and 1920x1080, and the job with "
                    + "tracking on;",
            "  visual   (with --visual) the job of --visual-config with the annotated video and snapshots off, with",
            "           the video, and with video and snapshots: frames/s of each and the ratios to off."
        })
public final class BenchCommand implements Callable<Integer> {

    private static final AtomicInteger MODEL_HANDLES = new AtomicInteger();
    private static final AtomicInteger MOST_MODELS_LOADED = new AtomicInteger();

    private static final String DEFAULT_MODEL = "nanodet-plus-m-320";

    @Option(names = {"-m", "--model"}, description = "Catalogue model (with --model-path: the catalogue entry the file "
            + "is). Default without --model-path: " + DEFAULT_MODEL)
    String model;

    @Option(names = "--model-path", description = "Explicit model file; its family comes from its outputs unless "
            + "--model names its catalogue entry.")
    String modelPath;

    @Option(names = "--video", description = "Video to run on. Default: the street sample in the data directory.")
    Path video;

    @Option(names = "--raw-frames", defaultValue = "240", description = "Frames for the raw model runs. Default: ${DEFAULT-VALUE}")
    int rawFrames;

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,2,4,8", description = "Batch sizes to try raw. Default: ${DEFAULT-VALUE}")
    int[] batchSizes;

    @Option(names = "--max-wait-ms", defaultValue = "20", description = "Batch max-wait for the job runs. Default: ${DEFAULT-VALUE}")
    long maxWaitMillis;

    @Option(names = "--slots", defaultValue = "2", description = "Batches in flight on the device, raw and in the job (detect.slots-per-device). Default: ${DEFAULT-VALUE}")
    int slots;

    @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime threads per model call (model.threads; 0 = all cores). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--cameras", defaultValue = "8", description = "Cameras in the multi-camera run. Default: ${DEFAULT-VALUE}")
    int cameras;

    @Option(names = "--camera-frames", defaultValue = "120", description = "Frames per camera in the multi-camera run. Default: ${DEFAULT-VALUE}")
    int cameraFrames;

    @Option(names = "--live-fps", defaultValue = "0", description = "Offered frame rate of the live run; 0 = 1.5 x the raw capacity.")
    double liveFps;

    @Option(names = "--live-seconds", defaultValue = "10", description = "Length of the live run. Default: ${DEFAULT-VALUE}")
    int liveSeconds;

    @Option(names = "--skip", split = ",", description = "Runs to leave out: job, multi, live, tracker.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--visual", description = "Add the visual section: the job with the annotated video and "
            + "snapshots off, video on, video and snapshots on, and the ratios.")
    boolean visual;

    @Option(names = "--visual-config", defaultValue = "conf/street-analytics.yaml",
            description = "Config of the visual runs (it needs analytics for snapshots). Default: ${DEFAULT-VALUE}")
    Path visualConfig;

    @Option(names = "--visual-rounds", defaultValue = "2", description = "Rounds of the three visual runs, each "
            + "round in the reverse order of the one before; the medians are reported. Default: ${DEFAULT-VALUE}")
    int visualRounds;

    @Option(names = "--slicing", description = "Add the slicing section: the job on HD and 4K copies of "
            + "--slicing-video, frames whole and sliced into tiles of the model's input size with the full-frame pass "
            + "(frames/s, tiles/s, batch fill, detections per frame).")
    boolean slicing;

    @Option(names = "--slicing-video", description = "Video of the slicing runs. Default: car-detection.mp4 (a "
            + "parking lot seen from above) in the data directory.")
    Path slicingVideo;

    @Option(names = "--slicing-resolutions", split = ",", defaultValue = "1920x1080,3840x2160",
            description = "Resolutions of the slicing runs. Default: ${DEFAULT-VALUE}")
    List<String> slicingResolutions;

    @Option(names = "--slicing-frames", defaultValue = "24", description = "Frames of each slicing run. Default: "
            + "${DEFAULT-VALUE}")
    int slicingFrames;

    @Option(names = "--output", description = "Also write the JSON to this file.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (visualRounds < 1) {
            throw new dev.vigil.job.config.ConfigException("bench", List.of("--visual-rounds: expected 1 or more, got "
                    + visualRounds));
        }
        Path file = video != null ? video : defaultVideo();
        // A file alone is not declared to be the default catalogue model: that would fail its checksum.
        ModelSettings settings = (modelPath == null ? ModelSettings.named(model == null ? DEFAULT_MODEL : model)
                        : model == null ? ModelSettings.file(Path.of(modelPath))
                        : ModelSettings.named(model).withPath(Path.of(modelPath)))
                .withIntraOpThreads(threads);
        ModelDescription described = Detectors.check(settings);
        VideoInfo info = FileVideoSource.probe(file);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode report = json.createObjectNode();
        report.put("model", model != null ? model : modelPath != null ? modelPath : DEFAULT_MODEL);
        report.put("video", file.toString());
        report.put("video_frames", info.frameCount());
        report.put("video_fps", info.fps());
        report.put("cpu_cores", Runtime.getRuntime().availableProcessors());
        report.put("slots_per_device", slots);
        report.put("threads_per_call", threads);

        progress("raw model runs on " + rawFrames + " frames, batch sizes " + Arrays.toString(batchSizes) + ", "
                + slots + " concurrent calls");
        ObjectNode raw = report.putObject("raw");
        double bestFps = 0;
        int bestBatch = 1;
        List<Frame> frames = FileVideoSource.readFrames(file, "bench", rawFrames);
        ArrayNode perBatch = raw.putArray("by_batch_size");
        for (int batch : batchSizes) {
            double[] fps = measureRaw(settings, frames, batch, slots);
            perBatch.addObject().put("batch_size", batch).put("fps", round(fps[0])).put("inference_only_fps", round(fps[1]));
            if (fps[0] > bestFps) {
                bestFps = fps[0];
                bestBatch = batch;
            }
        }
        raw.put("best_batch_size", bestBatch);
        raw.put("fps", round(bestFps));
        BatchingSettings batching = new BatchingSettings(bestBatch, Duration.ofMillis(maxWaitMillis), slots);

        if (!skip.contains("job")) {
            progress("full job on " + info.frameCount() + " frames");
            FileVideoSource source = FileVideoSource.builder().addVideo(file, "cam0").build();
            ObjectNode job = report.putObject("job");
            RunStats stats = runJob(source, settings, batching, FramePolicy.LOSSLESS);
            stats.writeTo(job, bestBatch);
            job.put("ratio_to_raw", round(stats.fps() / bestFps));
        }
        if (!skip.contains("multi")) {
            progress("multi-camera job: " + cameras + " cameras x " + cameraFrames + " frames");
            FileVideoSource.Builder builder = FileVideoSource.builder().maxFrames(cameraFrames);
            for (int c = 0; c < cameras; c++) {
                builder.addVideo(file, "cam" + c);
            }
            ObjectNode multi = report.putObject("multi_camera");
            multi.put("cameras", cameras);
            RunStats stats = runJob(builder.build(), settings, batching, FramePolicy.LOSSLESS);
            stats.writeTo(multi, bestBatch);
            multi.put("ratio_to_raw", round(stats.fps() / bestFps));
        }
        if (!skip.contains("live")) {
            double offered = liveFps > 0 ? liveFps : 1.5 * bestFps;
            int liveCameras = (int) Math.max(1, Math.ceil(offered / info.fps()));
            long perCamera = Math.max(1, Math.round(liveSeconds * info.fps()));
            progress(String.format("live run: %d cameras paced at %.1f fps each (%.0f fps offered) for %d s",
                    liveCameras, info.fps(), liveCameras * info.fps(), liveSeconds));
            FileVideoSource.Builder builder = FileVideoSource.builder().maxFrames(perCamera).realtime(true);
            for (int c = 0; c < liveCameras; c++) {
                builder.addVideo(file, "live" + c);
            }
            ObjectNode live = report.putObject("live");
            live.put("cameras", liveCameras);
            live.put("offered_fps", round(liveCameras * info.fps()));
            RunStats stats = runJob(builder.build(), settings, batching, FramePolicy.LATEST, false, liveCameras);
            stats.writeTo(live, bestBatch);
            live.put("frames_offered", liveCameras * perCamera);
            live.put("frames_skipped", liveCameras * perCamera - stats.frames());
        }

        if (!skip.contains("tracker")) {
            progress("tracker updates with 10, 50 and 200 objects per frame");
            ObjectNode tracker = report.putObject("tracker");
            ArrayNode updates = tracker.putArray("updates_per_second");
            for (int objects : new int[] {10, 50, 200}) {
                updates.addObject().put("objects_per_frame", objects)
                        .put("updates_per_second", round(TrackerBench.updatesPerSecond(objects, 1000)));
            }
            progress("camera-motion estimation at 640x360 and 1920x1080");
            ArrayNode motion = tracker.putArray("camera_motion_ms_per_frame");
            for (int[] size : new int[][] {{640, 360}, {1920, 1080}}) {
                motion.addObject().put("frame", size[0] + "x" + size[1])
                        .put("ms_per_frame", round(CameraMotionBench.millisPerFrame(size[0], size[1], 300)));
            }
            progress("full job with tracking on " + info.frameCount() + " frames");
            FileVideoSource source = FileVideoSource.builder().addVideo(file, "cam0").build();
            RunStats stats = runJob(source, settings, batching, FramePolicy.LOSSLESS, true, 1);
            ObjectNode job = tracker.putObject("job_with_tracking");
            stats.writeTo(job, bestBatch);
            job.put("ratio_to_raw", round(stats.fps() / bestFps));
        }

        if (slicing) {
            measureSlicing(settings, described, batching, report.putObject("slicing"));
        }

        if (visual) {
            VisualBench.measure(visualConfig, visualRounds, Path.of("target/bench-visual"), report.putObject("visual"));
        }

        String text = json.writeValueAsString(report);
        System.out.println(text);
        if (output != null) {
            Files.writeString(output, text + System.lineSeparator());
        }
        return 0;
    }

    static Path defaultVideo() {
        return dataFile("video/vehicle-counting-street/input_video.mp4");
    }

    private static Path dataFile(String path) {
        String data = System.getenv("VIGIL_DATA_DIR");
        if (data == null) {
            data = System.getProperty("vigil.data.dir", "../shared/data");
        }
        return Path.of(data, path);
    }

    /**
     * The job on copies of the slicing video at each resolution, whole and sliced (tiles of the model's input
     * size, overlap 0.2, the full-frame pass, every frame sliced), one camera, the batching of the other runs.
     */
    private void measureSlicing(ModelSettings settings, ModelDescription described, BatchingSettings batching,
            ObjectNode section) throws Exception {
        Path source = slicingVideo != null ? slicingVideo : dataFile("video/intel-sample-videos/car-detection.mp4");
        Slicing tiles = Slicing.tiles(described.inputWidth(), described.inputHeight());
        section.put("video", source.toString());
        section.put("tile", described.inputWidth() + "x" + described.inputHeight());
        section.put("max_batch_size", batching.maxBatchSize());
        ArrayNode runs = section.putArray("runs");
        for (String resolution : slicingResolutions) {
            Path video = ScaledVideo.of(source, resolution, slicingFrames, Path.of("target/bench-slicing"));
            ObjectNode run = runs.addObject();
            run.put("resolution", resolution);
            progress("slicing: " + resolution + " whole frames");
            RunStats whole = runJob(FileVideoSource.builder().addVideo(video, "cam0").build(), settings, batching,
                    FramePolicy.LOSSLESS, false, 1, CameraSlicing.NONE);
            whole.writeTo(run.putObject("whole"), batching.maxBatchSize());
            progress("slicing: " + resolution + " sliced");
            RunStats sliced = runJob(FileVideoSource.builder().addVideo(video, "cam0").build(), settings, batching,
                    FramePolicy.LOSSLESS, false, 1, new CameraSlicing(tiles, Map.of()));
            sliced.writeTo(run.putObject("sliced"), batching.maxBatchSize());
            run.put("ratio_fps_sliced_to_whole", round(sliced.fps() / Math.max(1e-9, whole.fps())));
            if (whole.meanDetections() > 0) {
                // Without a single whole-frame detection there is no ratio: detections_per_frame says it all.
                run.put("ratio_detections_sliced_to_whole", round(sliced.meanDetections() / whole.meanDetections()));
            }
        }
    }

    /**
     * Frames per second through {@link Detector#detect} alone (pre-processing, model, decoding), with
     * {@code slots} threads each calling its own handle on the shared session, as the job's batcher
     * does; and the frames per second of the model calls alone.
     */
    private static double[] measureRaw(ModelSettings settings, List<Frame> frames, int batch, int slots)
            throws InterruptedException {
        List<List<BgrImage>> batches = new ArrayList<>();
        for (int i = 0; i + batch <= frames.size(); i += batch) {
            List<BgrImage> images = new ArrayList<>(batch);
            for (Frame f : frames.subList(i, i + batch)) {
                images.add(new BgrImage(f.width(), f.height(), f.pixels()));
            }
            batches.add(images);
        }
        List<Detector> detectors = new ArrayList<>();
        try {
            for (int s = 0; s < slots; s++) {
                Detector detector = Detectors.open(settings);
                detectors.add(detector);
                for (int w = 0; w < Math.min(3, batches.size()); w++) {
                    detector.detect(batches.get(w));
                }
            }
            long[] inferenceMicros = new long[slots];
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int s = 0; s < slots; s++) {
                int slot = s;
                Thread t = new Thread(() -> {
                    for (int b = slot; b < batches.size(); b += slots) {
                        inferenceMicros[slot] += detectors.get(slot).detect(batches.get(b)).get(0).inferenceMicros();
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int count = batches.size() * batch;
            double inferenceSeconds = java.util.Arrays.stream(inferenceMicros).sum() / 1e6 / slots;
            return new double[] {count / seconds, count / inferenceSeconds};
        } finally {
            detectors.forEach(Detector::close);
        }
    }

    private static RunStats runJob(FileVideoSource source, ModelSettings settings, BatchingSettings batching,
            FramePolicy policy) throws Exception {
        return runJob(source, settings, batching, policy, false, source.cameraIds().size());
    }

    private static RunStats runJob(FileVideoSource source, ModelSettings settings, BatchingSettings batching,
            FramePolicy policy, boolean tracking, int cameras) throws Exception {
        return runJob(source, settings, batching, policy, tracking, cameras, CameraSlicing.NONE);
    }

    /** Runs the job; with {@code tracking}, tracked frames flow to a discarding sink beside the results. */
    private static RunStats runJob(FileVideoSource source, ModelSettings settings, BatchingSettings batching,
            FramePolicy policy, boolean tracking, int cameras, CameraSlicing slicing) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        ResultRecorder recorder = new ResultRecorder();
        int handlesBefore = MODEL_HANDLES.get();
        MOST_MODELS_LOADED.set(0);
        DetectorProvider provider = DetectorProvider.of("bench:" + settings, device -> {
            MODEL_HANDLES.incrementAndGet();
            Detector detector = Detectors.open(settings, device.gpuIndex());
            MOST_MODELS_LOADED.accumulateAndGet(Detectors.loadedModelCount(), Math::max);
            return detector;
        });
        DetectionSettings detection = new DetectionSettings(batching, policy,
                DetectionSettings.defaultCapacity(batching, policy, cameras), Duration.ofSeconds(120),
                DetectionSettings.DEFAULT_MAX_IN_FLIGHT_BYTES, DetectionSettings.DEFAULT_CHECKPOINT_JPEG_QUALITY, slicing);
        VigilPipeline pipeline = new VigilPipeline(source, provider, detection, recorder, new DiscardingSink<>());
        if (tracking) {
            pipeline.withTracking(TrackerSettings.FOR_VIGIL_DETECTORS, new DiscardingSink<>());
        }
        pipeline.addTo(env);
        env.execute("vigil-bench");
        return RunStats.of(recorder.takeArrivals(), MODEL_HANDLES.get() - handlesBefore, MOST_MODELS_LOADED.get());
    }

    static void progress(String message) {
        System.err.println("bench: " + message);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
