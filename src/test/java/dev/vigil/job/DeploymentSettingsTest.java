package dev.vigil.job;

import dev.vigil.job.config.ConfigException;
import dev.vigil.job.config.OutputPaths;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.testing.TestData;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who decides parallelism, restarts and checkpointing: on the embedded mini-cluster the job config (with its
 * defaults), on a cluster the cluster ({@code -p}, the REST parallelism, its configuration) unless the config
 * gives the key explicitly. And paths: a job for a cluster must name them absolutely.
 */
class DeploymentSettingsTest {

    @TempDir
    Path out;

    /** What a session cluster's configuration and {@code flink run -p 3} give the job's environment. */
    private static StreamExecutionEnvironment cluster() {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(5));
        return new StreamExecutionEnvironment(conf);
    }

    private VigilJob job(String jobSection, boolean forCluster) {
        String yaml = String.join("\n",
                jobSection,
                "input: {paths: ['" + TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath() + "']}",
                "model: {name: nanodet-plus-m-320, mirror: '" + TestData.modelMirror().toAbsolutePath() + "'}",
                "tracking: {enabled: false}",
                "output: {path: '" + out.resolve("d.jsonl") + "', rejects-path: '" + out.resolve("r.jsonl") + "'}");
        VigilConfig config = VigilConfig.parse("test.yaml", yaml, Map.of());
        return VigilJob.fromConfig(forCluster ? config.onCluster() : config, "test.yaml");
    }

    @Test
    void onAClusterTheClustersSettingsStandWhereTheConfigIsSilent() {
        StreamExecutionEnvironment env = cluster();
        job("job: {name: silent}", true).configure(env);
        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(5_000);
        assertThat(job("job: {name: silent}", true).checkpointStorage(env)).as("the cluster's storage").isNull();
    }

    @Test
    void onAClusterWhatTheConfigGivesExplicitlyWins() {
        StreamExecutionEnvironment env = cluster();
        VigilJob job = job("job: {parallelism: 2, restart-attempts: 5, checkpoint-interval: 2s, checkpoint-dir: '"
                + out.resolve("checkpoints") + "'}", true);
        job.configure(env);
        assertThat(env.getParallelism()).isEqualTo(2);
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(5);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
        assertThat(job.checkpointStorage(env))
                .isEqualTo(OutputPaths.checkpointDirectory(out.resolve("checkpoints").toString()));
    }

    @Test
    void aCheckpointIntervalOfZeroTurnsOffWhatTheClusterTurnsOn() {
        StreamExecutionEnvironment env = cluster();
        job("job: {checkpoint-interval: 0}", true).configure(env);
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }

    @Test
    void theEmbeddedRunHasOnlyTheConfigAndItsDefaults() {
        StreamExecutionEnvironment env = new LocalStreamEnvironment(new Configuration());
        VigilJob job = job("job: {name: silent}", false);
        job.configure(env);
        assertThat(env.getParallelism()).isEqualTo(1);
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(3);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10_000);
        assertThat(job.checkpointStorage(env)).as("never JobManager memory").isNotNull();
    }

    @Test
    void aJobForAClusterNamesEveryRelativePathItUses() {
        String yaml = String.join("\n",
                "input: {paths: ['data/street.mp4']}",
                "model: {name: nanodet-plus-m-320, mirror: models}",
                "job: {checkpoint-dir: out/checkpoints}",
                "output: {rejects-path: '" + out.resolve("r.jsonl") + "'}");
        VigilConfig config = VigilConfig.parse("cluster.yaml", yaml, Map.of()).onCluster();
        assertThatThrownBy(() -> VigilJob.fromConfig(config, "cluster.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("input.paths[0]: 'data/street.mp4' is a relative path; a job on a Flink cluster")
                .hasMessageContaining("model.mirror: 'models' is a relative path")
                .hasMessageContaining("job.checkpoint-dir: 'out/checkpoints' is a relative path")
                .hasMessageContaining("output.path: 'out/detections.jsonl' is a relative path")
                .hasMessageContaining("output.tracks-path: 'out/tracks.jsonl' is a relative path")
                .hasMessageNotContaining("output.rejects-path")
                .hasMessageNotContaining("video file not found");
    }

    @Test
    void theSameRelativePathsAreFineForTheEmbeddedRun() {
        String yaml = String.join("\n",
                "input: {paths: ['" + Path.of("").toAbsolutePath().relativize(
                        TestData.data("video/vehicle-counting-street/input_video.mp4").toAbsolutePath()) + "']}",
                "model: {name: nanodet-plus-m-320}",
                "output: {path: target/deployment-test/d.jsonl}");
        VigilJob job = VigilJob.fromConfig(VigilConfig.parse("local.yaml", yaml, Map.of()), "local.yaml");
        assertThat(job.resultsFile()).isAbsolute();
    }
}
