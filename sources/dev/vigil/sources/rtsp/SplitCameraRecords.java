package dev.vigil.sources.rtsp;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits what {@link RtspCameraSource} emits: frames go on to detection, camera status changes go to the
 * {@link #STATUS} side output.
 */
public final class SplitCameraRecords extends ProcessFunction<CameraRecord, Frame> {

    private static final long serialVersionUID = 1L;

    /** Camera status changes: connecting, streaming, stalled, reconnecting, failed. */
    public static final OutputTag<CameraStatus> STATUS =
            new OutputTag<>("camera-status", TypeInformation.of(CameraStatus.class));

    @Override
    public void processElement(CameraRecord record, Context ctx, Collector<Frame> out) {
        if (record.isFrame()) {
            out.collect(record.frame());
        } else {
            ctx.output(STATUS, record.status());
        }
    }
}
