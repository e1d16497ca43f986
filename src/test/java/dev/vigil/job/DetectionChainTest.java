package dev.vigil.job;

import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.Reject;
import dev.vigil.sources.file.FileVideoSource;
import dev.vigil.testing.CollectingSink;
import dev.vigil.testing.FakeDetector;
import dev.vigil.testing.TestData;

import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screen step runs in the same task as the detection stage at any parallelism: frames it marks for
 * JPEG storage are then serialized only into checkpoints, never on their way to the detector, so no
 * deployment runs the model on a JPEG of a frame. And the pipeline's environment refuses Kryo.
 */
class DetectionChainTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void screenIsChainedToDetection(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestData.data("video/vehicle-counting-street/input_video.mp4"), "street")
                .build();
        new VigilPipeline(source, DetectorProvider.of("fake", device -> new FakeDetector()), DetectionSettings.defaults(),
                new CollectingSink<FrameDetections>(), new CollectingSink<Reject>()).addTo(env);

        JobGraph graph = env.getStreamGraph().getJobGraph();

        JobVertex screen = StreamSupport.stream(graph.getVertices().spliterator(), false)
                .filter(v -> v.getName().contains("screen"))
                .findFirst()
                .orElseThrow();
        assertThat(screen.getName()).containsPattern("screen -> \\(?detect");
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled())
                .as("the pipeline refuses types without a declared serializer").isTrue();
    }
}
