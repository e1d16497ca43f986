package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one frame contributes to {@link WindowedCounts}: the tracks observed, the crossings counted
 * and each zone's occupancy.
 *
 * @param cameraId camera
 * @param sequence frame sequence
 * @param timestampMillis event time of the frame
 * @param tracks confirmed tracks observed in the frame: track id → class name
 * @param crossings line crossings counted in the frame
 * @param zones occupancy of every configured zone (also the empty ones)
 */
@TypeInfo(FrameSummaryTypeInfoFactory.class)
public record FrameSummary(
        String cameraId,
        long sequence,
        long timestampMillis,
        Map<Long, String> tracks,
        List<Crossing> crossings,
        List<ZoneOccupancy> zones) {

    /** One counted crossing: line, class and whether it went in. */
    public record Crossing(String line, String label, boolean in) {}

    public FrameSummary {
        Objects.requireNonNull(cameraId, "cameraId");
        tracks = new TreeMap<>(tracks);
        crossings = List.copyOf(crossings);
        zones = List.copyOf(zones);
    }
}
