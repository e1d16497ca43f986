package dev.vigil.job;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.LabelCounter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Passes every reject of every stage through on its way to the rejects outputs, counting them by stage
 * ({@link #BY_STAGE_ACCUMULATOR}), so that the end-of-job summary accounts for all of them, not only
 * the frames the detection stage turned away.
 *
 * <p>Metrics, operator {@code tally-rejects}: {@value #FRAMES_REJECTED} (counter) per stage, in the group
 * {@value #STAGE_KEY}{@code =<stage>} (decode: the input was unreadable or frames were missing; detect: a frame
 * was malformed; track and count: late), counting the frames each reject stands for. Registered for every stage
 * at start, so that a dashboard sees zeros rather than no series; the reason itself is in the rejects output.
 */
final class RejectTally extends RichMapFunction<Reject, Reject> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: rejects per stage (decode, detect, track, count). */
    static final String BY_STAGE_ACCUMULATOR = "vigil.rejects-by-stage";

    /** The metric group key of a stage, and the label a reporter gives it. */
    static final String STAGE_KEY = "stage";
    static final String FRAMES_REJECTED = "framesRejected";

    private transient LabelCounter byStage;
    private transient Map<Reject.Stage, Counter> framesRejected;

    @Override
    public void open(OpenContext openContext) {
        byStage = new LabelCounter();
        getRuntimeContext().addAccumulator(BY_STAGE_ACCUMULATOR, byStage);
        framesRejected = new EnumMap<>(Reject.Stage.class);
        for (Reject.Stage stage : Reject.Stage.values()) {
            framesRejected.put(stage, getRuntimeContext().getMetricGroup()
                    .addGroup(STAGE_KEY, stageName(stage)).counter(FRAMES_REJECTED));
        }
    }

    @Override
    public Reject map(Reject reject) {
        byStage.add(stageName(reject.stage()));
        framesRejected.get(reject.stage()).inc(reject.frames());
        return reject;
    }

    private static String stageName(Reject.Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT);
    }
}
