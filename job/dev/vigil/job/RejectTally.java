package dev.vigil.job;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.LabelCounter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

import java.util.Locale;

/**
 * Passes every reject of every stage through on its way to the rejects outputs, counting them by stage
 * ({@link #BY_STAGE_ACCUMULATOR}), so that the end-of-job summary accounts for all of them, not only
 * the frames the detection stage turned away.
 */
final class RejectTally extends RichMapFunction<Reject, Reject> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: rejects per stage (decode, detect, track, count). */
    static final String BY_STAGE_ACCUMULATOR = "vigil.rejects-by-stage";

    private transient LabelCounter byStage;

    @Override
    public void open(OpenContext openContext) {
        byStage = new LabelCounter();
        getRuntimeContext().addAccumulator(BY_STAGE_ACCUMULATOR, byStage);
    }

    @Override
    public Reject map(Reject reject) {
        byStage.add(reject.stage().name().toLowerCase(Locale.ROOT));
        return reject;
    }
}
