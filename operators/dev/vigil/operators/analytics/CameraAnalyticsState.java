package dev.vigil.operators.analytics;

import java.util.Objects;
import java.util.TreeMap;

/**
 * What the analytics remember about one camera between frames (keyed state, written by
 * {@link CameraAnalyticsStateSerializer}). Only tracks seen within the track timeout are kept.
 */
public final class CameraAnalyticsState {

    /** Last frame processed, -1 before the first. */
    public long lastSequence = -1;

    /** By track id. */
    public final TreeMap<Long, TrackMemory> tracks = new TreeMap<>();

    /** One track. */
    public static final class TrackMemory {
        public long lastSeenSequence;
        public long lastSeenTimestamp;
        public String label = "";
        /** By line name. */
        public final TreeMap<String, LineMemory> lines = new TreeMap<>();
        /** By zone name; only zones the track is in or on its way into or out of. */
        public final TreeMap<String, ZoneMemory> zones = new TreeMap<>();

        TrackMemory copy() {
            TrackMemory c = new TrackMemory();
            c.lastSeenSequence = lastSeenSequence;
            c.lastSeenTimestamp = lastSeenTimestamp;
            c.label = label;
            lines.forEach((k, v) -> c.lines.put(k, v.copy()));
            zones.forEach((k, v) -> c.zones.put(k, v.copy()));
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TrackMemory t && t.lastSeenSequence == lastSeenSequence
                    && t.lastSeenTimestamp == lastSeenTimestamp && t.label.equals(label) && t.lines.equals(lines)
                    && t.zones.equals(zones);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lastSeenSequence, label, lines, zones);
        }
    }

    /** A track relative to one line. */
    public static final class LineMemory {
        /** The side the track is established on: +1, -1, or 0 while it has only been seen on the line. */
        public int committedSide;
        /** Consecutive observations on the other side. */
        public int runCount;
        /** Whether the anchor's path touched the line segment since it was last on the committed side. */
        public boolean touched;
        /** Anchor at the last observation. */
        public double lastX;
        public double lastY;

        LineMemory copy() {
            LineMemory c = new LineMemory();
            c.committedSide = committedSide;
            c.runCount = runCount;
            c.touched = touched;
            c.lastX = lastX;
            c.lastY = lastY;
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LineMemory m && m.committedSide == committedSide && m.runCount == runCount
                    && m.touched == touched && Double.compare(m.lastX, lastX) == 0 && Double.compare(m.lastY, lastY) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(committedSide, runCount, touched, lastX, lastY);
        }
    }

    /** A track relative to one zone. */
    public static final class ZoneMemory {
        /** Whether the track has entered (and not exited) the zone. */
        public boolean inside;
        /** Consecutive observations against {@link #inside}. */
        public int runCount;
        /** Event time of the first observation of that run. */
        public long runStartTimestamp;
        /** Event time the track entered (first observation inside of the entering run). */
        public long entryTimestamp;
        public boolean loiteringReported;

        ZoneMemory copy() {
            ZoneMemory c = new ZoneMemory();
            c.inside = inside;
            c.runCount = runCount;
            c.runStartTimestamp = runStartTimestamp;
            c.entryTimestamp = entryTimestamp;
            c.loiteringReported = loiteringReported;
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ZoneMemory z && z.inside == inside && z.runCount == runCount
                    && z.runStartTimestamp == runStartTimestamp && z.entryTimestamp == entryTimestamp
                    && z.loiteringReported == loiteringReported;
        }

        @Override
        public int hashCode() {
            return Objects.hash(inside, runCount, runStartTimestamp, entryTimestamp, loiteringReported);
        }
    }

    public CameraAnalyticsState copy() {
        CameraAnalyticsState c = new CameraAnalyticsState();
        c.lastSequence = lastSequence;
        tracks.forEach((k, v) -> c.tracks.put(k, v.copy()));
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CameraAnalyticsState s && s.lastSequence == lastSequence && s.tracks.equals(tracks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastSequence, tracks);
    }

    @Override
    public String toString() {
        return "CameraAnalyticsState{lastSequence=" + lastSequence + ", tracks=" + tracks.keySet() + "}";
    }
}
