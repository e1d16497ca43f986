package dev.vigil.job;

import dev.vigil.models.Detection;
import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.CollectingSink;
import dev.vigil.testing.TestData;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole dataflow on a Flink mini-cluster with real videos and a real model: what a user of the
 * demo would see, asserted on what the videos actually show.
 */
class DetectionPipelineIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static ModelSettings nanodet320() {
        return ModelSettings.named("nanodet-plus-m-320").withMirrorDir(TestData.modelMirror());
    }

    private static List<FrameDetections> run(FileVideoSource source, CollectingSink<Reject> rejects) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CollectingSink<FrameDetections> results = new CollectingSink<>();
        ModelSettings settings = nanodet320();
        new VigilPipeline(source, DetectorProvider.of("nanodet-320", device -> Detectors.open(settings)),
                DetectionSettings.defaults(), results, rejects).addTo(env);
        env.execute("pipeline-it");
        return results.values();
    }

    private static long framesWith(List<FrameDetections> frames, String label) {
        return frames.stream()
                .filter(f -> f.detections().stream().map(Detection::label).anyMatch(label::equals))
                .count();
    }

    @Test
    void streetVideoYieldsCarsInMostFrames() throws Exception {
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestData.data("video/vehicle-counting-street/input_video.mp4"), "street")
                .frameStride(3)
                .build();
        CollectingSink<Reject> rejects = new CollectingSink<>();

        List<FrameDetections> frames = run(source, rejects);

        // 905 frames, every third: 302 results, one per frame, in order, nothing rejected.
        assertThat(frames).hasSize(302);
        assertThat(frames).extracting(FrameDetections::sequence)
                .isEqualTo(java.util.stream.LongStream.range(0, 302).map(i -> i * 3).boxed().collect(Collectors.toList()));
        assertThat(rejects.values()).isEmpty();
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.width()).isEqualTo(640);
            assertThat(f.height()).isEqualTo(352);
            assertThat(f.model()).isEqualTo("nanodet-plus-m-320");
            assertThat(f.detections()).allSatisfy(d -> {
                assertThat(d.x1()).isBetween(0f, 640f);
                assertThat(d.x2()).isBetween(d.x1(), 640f);
                assertThat(d.y1()).isBetween(0f, 352f);
                assertThat(d.y2()).isBetween(d.y1(), 352f);
                assertThat(d.score()).isGreaterThanOrEqualTo(0.35f);
            });
        });
        // A street with traffic and parked cars: cars in most frames.
        assertThat(framesWith(frames, "car")).isGreaterThan(frames.size() * 8 / 10);
    }

    @Test
    void personVideoYieldsPersonsOnlyWhileSomeoneIsInView() throws Exception {
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestData.data("video/intel-sample-videos/one-by-one-person-detection.mp4"), null)
                .frameStride(5)
                .build();

        List<FrameDetections> frames = run(source, new CollectingSink<>());

        assertThat(frames).hasSize(279);
        assertThat(frames.get(0).cameraId()).isEqualTo("one-by-one-person-detection");
        Map<Boolean, Long> withPerson = frames.stream().collect(Collectors.partitioningBy(
                f -> f.detections().stream().anyMatch(d -> d.label().equals("person")), Collectors.counting()));
        // People walk through one at a time with long empty stretches between them.
        assertThat(withPerson.get(true)).isGreaterThan(frames.size() / 5);
        assertThat(withPerson.get(false)).isGreaterThan(frames.size() / 5);
        assertThat(frames.stream().mapToLong(f -> f.detections().stream().filter(d -> d.label().equals("person")).count()).max().orElse(0))
                .as("never a crowd in this clip").isLessThanOrEqualTo(3);
    }

    @Test
    void truncatedVideoProcessesFramesBeforeTheDamageAndRejectsTheRest() throws Exception {
        java.nio.file.Path truncated = java.nio.file.Files.createTempFile("truncated-", ".mp4");
        byte[] whole = java.nio.file.Files.readAllBytes(TestData.data("video/intel-sample-videos/car-detection.mp4"));
        java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length * 2 / 5));
        FileVideoSource source = FileVideoSource.builder().addVideo(truncated, "lot").frameStride(2).build();
        CollectingSink<Reject> rejects = new CollectingSink<>();

        List<FrameDetections> frames = run(source, rejects);

        assertThat(frames).isNotEmpty();
        assertThat(frames).allSatisfy(f -> assertThat(f.cameraId()).isEqualTo("lot"));
        assertThat(rejects.values()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DECODE);
            assertThat(r.reason()).contains(truncated.toString()).contains("of 377 declared frames");
            assertThat(r.sequence()).isGreaterThan(frames.get(frames.size() - 1).sequence());
        });
        java.nio.file.Files.deleteIfExists(truncated);
    }
}
