package dev.vigil.job;

import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.BatchingSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.CollectingSink;
import dev.vigil.testing.TestData;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several cameras over two subtasks of one TaskManager share one model instance, whose batches
 * mix frames of different cameras, and every camera's results come out in frame order.
 */
class MultiCameraDetectionIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final AtomicInteger MODEL_HANDLES_OPENED = new AtomicInteger();

    @Test
    void fourCamerasShareOneModelAndKeepTheirOrder() throws Exception {
        Path video = TestData.data("video/vehicle-counting-street/input_video.mp4");
        FileVideoSource.Builder builder = FileVideoSource.builder().maxFrames(40);
        for (int c = 0; c < 4; c++) {
            builder.addVideo(video, "cam" + c);
        }
        ModelSettings model = ModelSettings.named("nanodet-plus-m-320").withMirrorDir(TestData.modelMirror());
        DetectorProvider provider = DetectorProvider.of("shared-nanodet", device -> {
            MODEL_HANDLES_OPENED.incrementAndGet();
            return Detectors.open(model);
        });
        DetectionSettings detection = new DetectionSettings(
                new BatchingSettings(4, Duration.ofMillis(50), 1), FramePolicy.LOSSLESS, 8, Duration.ofSeconds(60));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<FrameDetections> results = new CollectingSink<>();
        new VigilPipeline(builder.build(), provider, detection, results, new CollectingSink<Reject>()).addTo(env);

        env.execute("multi-camera");

        List<FrameDetections> all = results.values();
        Map<String, List<Long>> byCamera = all.stream().collect(Collectors.groupingBy(
                FrameDetections::cameraId, Collectors.mapping(FrameDetections::sequence, Collectors.toList())));
        assertThat(byCamera).hasSize(4);
        List<Long> expected = LongStream.range(0, 40).boxed().collect(Collectors.toList());
        byCamera.values().forEach(sequences -> assertThat(sequences).isEqualTo(expected));
        // Both subtasks used the one batcher of this TaskManager: one slot, one model handle.
        assertThat(MODEL_HANDLES_OPENED.get()).isEqualTo(1);
        double meanBatch = all.stream().mapToInt(r -> r.timing().batchSize()).average().orElse(0);
        assertThat(meanBatch).as("frames of several cameras share batches").isGreaterThan(1.5);
    }
}
