package dev.vigil.job;

import dev.vigil.models.Detectors;
import dev.vigil.models.ModelSettings;
import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.CollectingSink;
import dev.vigil.testing.TestData;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection and tracking on a real street video: cars keep their identities over time, and two
 * cameras showing the same video get the same tracks with their own id spaces.
 */
class TrackingPipelineIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final int FRAMES = 150;

    @Test
    void carsKeepTheirIdsAndCamerasDoNotShareIdSpaces() throws Exception {
        Path video = TestData.data("video/vehicle-counting-street/input_video.mp4");
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(video, "north")
                .addVideo(video, "south")
                .maxFrames(FRAMES)
                .build();
        ModelSettings model = ModelSettings.named("nanodet-plus-m-320").withMirrorDir(TestData.modelMirror());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<TrackedFrame> tracks = new CollectingSink<>();
        CollectingSink<Reject> rejects = new CollectingSink<>();
        new VigilPipeline(source, DetectorProvider.of("tracking-it", device -> Detectors.open(model)),
                        DetectionSettings.defaults(), new CollectingSink<FrameDetections>(), rejects)
                .withTracking(TrackerSettings.FOR_VIGIL_DETECTORS, tracks)
                .addTo(env);

        env.execute("tracking-it");

        Map<String, List<TrackedFrame>> byCamera = tracks.values().stream()
                .collect(Collectors.groupingBy(TrackedFrame::cameraId));
        assertThat(byCamera.keySet()).containsExactlyInAnyOrder("north", "south");
        List<Long> expected = LongStream.range(0, FRAMES).boxed().collect(Collectors.toList());
        byCamera.values().forEach(frames ->
                assertThat(frames).extracting(TrackedFrame::sequence).isEqualTo(expected));
        assertThat(rejects.values()).isEmpty();

        List<TrackedFrame> north = byCamera.get("north");
        // Same video, same detections: the same tracks, ids included, because each camera has its own ids.
        assertThat(byCamera.get("south")).extracting(TrackedFrame::objects).isEqualTo(
                north.stream().map(TrackedFrame::objects).collect(Collectors.toList()));

        Map<Long, Integer> framesPerCarTrack = new HashMap<>();
        int mostCarsInAFrame = 0;
        for (TrackedFrame frame : north) {
            int cars = 0;
            for (TrackedObject o : frame.objects()) {
                assertThat(o.state()).isEqualTo(TrackState.CONFIRMED);
                if (o.label().equals("car")) {
                    framesPerCarTrack.merge(o.trackId(), 1, Integer::sum);
                    cars++;
                }
            }
            mostCarsInAFrame = Math.max(mostCarsInAFrame, cars);
        }
        // Parked cars stay in view the whole time: some car track must span most of the clip.
        assertThat(framesPerCarTrack.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .isGreaterThan(FRAMES * 8 / 10);
        // Identities hold: far fewer car tracks than car detections would give without tracking.
        assertThat(framesPerCarTrack.size()).isLessThanOrEqualTo(3 * Math.max(1, mostCarsInAFrame));
    }
}
