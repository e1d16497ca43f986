package dev.vigil.operators.analytics;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.List;
import java.util.Objects;

/**
 * Counts of one class on one camera in one tumbling event-time window [start, end).
 *
 * @param cameraId camera
 * @param windowStart window start, event time ms (inclusive)
 * @param windowEnd window end (exclusive)
 * @param label class name
 * @param distinctTracks confirmed tracks of the class observed in the window
 * @param frames frames of the camera in the window (the divisor of the zone averages)
 * @param lines crossings of the class per line, for lines crossed in the window
 * @param zones occupancy by the class per zone, for every zone configured in the window
 */
@TypeInfo(CountsRecordTypeInfoFactory.class)
public record CountsRecord(
        String cameraId,
        long windowStart,
        long windowEnd,
        String label,
        long distinctTracks,
        long frames,
        List<LineCount> lines,
        List<ZoneStat> zones) {

    /** Crossings of one line: {@code in} and {@code out}. */
    public record LineCount(String line, long in, long out) {}

    /** Occupancy of one zone: most tracks inside in one frame, and the mean over the window's frames. */
    public record ZoneStat(String zone, int max, double avg) {}

    public CountsRecord {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(label, "label");
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }
}
