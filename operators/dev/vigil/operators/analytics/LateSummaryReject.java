package dev.vigil.operators.analytics;

import dev.vigil.operators.Reject;

import org.apache.flink.api.common.functions.MapFunction;

/** Turns a frame's analytics that came too late for its count window into a reject that says so. */
public final class LateSummaryReject implements MapFunction<FrameSummary, Reject> {

    private static final long serialVersionUID = 1L;

    @Override
    public Reject map(FrameSummary late) {
        return new Reject(late.cameraId(), late.sequence(), late.timestampMillis(), Reject.Stage.COUNT,
                "frame " + late.sequence() + " of camera '" + late.cameraId() + "' (event time "
                        + late.timestampMillis() + " ms) arrived after its count window was emitted; its events "
                        + "are in the events output but not in the counts",
                System.currentTimeMillis());
    }
}
