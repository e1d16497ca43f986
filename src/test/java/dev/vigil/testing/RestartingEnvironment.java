package dev.vigil.testing;

import dev.vigil.sources.serialization.GenericTypes;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/** A mini-cluster environment for failure tests: checkpoints often, restarts a few times, no Kryo. */
public final class RestartingEnvironment {

    private RestartingEnvironment() {}

    public static StreamExecutionEnvironment create(int restartAttempts, long checkpointIntervalMillis) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(checkpointIntervalMillis);
        GenericTypes.forbid(env);
        return env;
    }
}
