package dev.vigil.operators.track;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.FrameDetections;

import org.apache.flink.api.common.functions.MapFunction;

/** Turns a frame the tracker could not take (late or duplicate) into a reject that says so. */
public final class LateFrameReject implements MapFunction<FrameDetections, Reject> {

    private static final long serialVersionUID = 1L;

    @Override
    public Reject map(FrameDetections frame) {
        return new Reject(frame.cameraId(), frame.sequence(), frame.timestampMillis(), Reject.Stage.TRACK,
                "frame " + frame.sequence() + " of camera '" + frame.cameraId() + "' arrived after a later frame had "
                        + "been tracked (or twice); its " + frame.detections().size()
                        + " detections are in the results but not in the tracks",
                System.currentTimeMillis());
    }
}
