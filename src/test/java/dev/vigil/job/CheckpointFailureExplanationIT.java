package dev.vigil.job;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A job whose checkpoints keep failing is ended by Flink with "Exceeded checkpoint tolerable failure
 * threshold", which says nothing of why: the one line Vigil prints names the checkpoint's own cause,
 * which the embedded JobManager logs when a task declines a checkpoint. The cause here is the one HD
 * frames in flight used to meet: state over the JobManager memory storage's 5 MB.
 */
class CheckpointFailureExplanationIT {

    /**
     * Passes numbers through and keeps 6 MB of operator state, as a few raw HD frames in flight did: more
     * than the JobManager's memory storage takes, which fails in the checkpoint's asynchronous part.
     */
    static final class KeepsSixMegabytes implements MapFunction<Long, Long>, CheckpointedFunction {
        private static final long serialVersionUID = 1L;

        private transient ListState<byte[]> state;

        @Override
        public Long map(Long value) throws InterruptedException {
            Thread.sleep(1);
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(List.of(new byte[6 * 1024 * 1024]));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("frames", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        }
    }

    @Test
    void theLineNamesWhyTheCheckpointsFailed() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "jobmanager");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(200);
        env.fromSequence(0, 1_000_000).map(new KeepsSixMegabytes()).sinkTo(new DiscardingSink<>());
        CheckpointLog.listen();

        Throwable failure = catchThrowable(() -> env.execute("fails-to-checkpoint"));

        assertThat(JobFailure.rootCause(failure)).as("what Flink alone would say")
                .contains("Exceeded checkpoint tolerable failure threshold");
        assertThat(JobFailure.explain(failure))
                .startsWith("checkpoints failed: java.io.IOException: Size of the state is larger than the maximum "
                        + "permitted memory-backed state")
                .contains("maxSize=5242880")
                .contains("(Flink: ");
    }
}
