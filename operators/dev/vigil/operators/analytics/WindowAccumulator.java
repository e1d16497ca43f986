package dev.vigil.operators.analytics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** What {@link WindowedCounts} has gathered for one camera and window (keyed state). */
@org.apache.flink.api.common.typeinfo.TypeInfo(WindowAccumulatorTypeInfoFactory.class)
public final class WindowAccumulator {

    /** Separates names in the composite keys below; not allowed in YAML names in practice. */
    static final char SEP = '\u0000';

    public long frames;
    /** Class → track ids observed. */
    public final TreeMap<String, TreeSet<Long>> tracks = new TreeMap<>();
    /** line SEP class → [in, out]. */
    public final TreeMap<String, long[]> lines = new TreeMap<>();
    /** zone SEP class → [sum over frames, max]. */
    public final TreeMap<String, long[]> zones = new TreeMap<>();
    /** Zones configured in any frame of the window. */
    public final TreeSet<String> zoneNames = new TreeSet<>();

    void add(FrameSummary f) {
        frames++;
        f.tracks().forEach((id, label) -> tracks.computeIfAbsent(label, l -> new TreeSet<>()).add(id));
        for (FrameSummary.Crossing c : f.crossings()) {
            lines.computeIfAbsent(c.line() + SEP + c.label(), k -> new long[2])[c.in() ? 0 : 1]++;
        }
        for (ZoneOccupancy z : f.zones()) {
            zoneNames.add(z.zone());
            for (Map.Entry<String, Integer> e : z.countsByClass().entrySet()) {
                long[] v = zones.computeIfAbsent(z.zone() + SEP + e.getKey(), k -> new long[2]);
                v[0] += e.getValue();
                v[1] = Math.max(v[1], e.getValue());
            }
        }
    }

    WindowAccumulator copy() {
        WindowAccumulator c = new WindowAccumulator();
        c.frames = frames;
        tracks.forEach((k, v) -> c.tracks.put(k, new TreeSet<>(v)));
        lines.forEach((k, v) -> c.lines.put(k, v.clone()));
        zones.forEach((k, v) -> c.zones.put(k, v.clone()));
        c.zoneNames.addAll(zoneNames);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WindowAccumulator a) || a.frames != frames || !a.tracks.equals(tracks)
                || !a.zoneNames.equals(zoneNames) || !a.lines.keySet().equals(lines.keySet())
                || !a.zones.keySet().equals(zones.keySet())) {
            return false;
        }
        return lines.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), a.lines.get(e.getKey())))
                && zones.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), a.zones.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(frames, tracks, zoneNames);
    }
}
