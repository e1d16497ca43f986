package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many tracks are in a zone in one frame (entered and not yet exited, inertia applied).
 *
 * @param cameraId camera
 * @param sequence frame sequence
 * @param timestampMillis event time of the frame
 * @param zone zone name
 * @param countsByClass tracks inside by class name; classes with none are absent
 */
@TypeInfo(ZoneOccupancyTypeInfoFactory.class)
public record ZoneOccupancy(
        String cameraId, long sequence, long timestampMillis, String zone, Map<String, Integer> countsByClass) {

    public ZoneOccupancy {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(zone, "zone");
        countsByClass = new TreeMap<>(countsByClass);
    }

    public int total() {
        return countsByClass.values().stream().mapToInt(Integer::intValue).sum();
    }
}
