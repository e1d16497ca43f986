package dev.vigil.operators.analytics;

import dev.vigil.operators.analytics.CameraAnalyticsState.LineMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.TrackMemory;
import dev.vigil.operators.analytics.CameraAnalyticsState.ZoneMemory;
import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The per-camera analytics, independent of Flink: feed it a camera's frames in sequence order.
 *
 * <p><b>Observations.</b> Only {@link TrackState#CONFIRMED} tracks are observed (matched in the
 * frame); tentative tracks and the predicted boxes of lost ones are ignored. "N consecutive frames"
 * below means N consecutive observations of the track: frames in which it is missing (occlusion)
 * neither advance nor reset a count.
 *
 * <p><b>Lines.</b> A track's side of a line is established where it is first seen off the line.
 * A crossing counts when its anchor has been on the other side for
 * {@link LineSettings#minFramesOnSide()} consecutive observations without going back, and the
 * anchor's path (straight between consecutive observations, so a fast object or one that was
 * occluded while crossing counts too) touched the line segment on the way. Going round the end of
 * the line moves the track to the other side without a count. Jitter on the line therefore
 * counts once, and a track counts again only by truly crossing back (in, out, in counts three times).
 *
 * <p><b>Zones.</b> A track enters after {@link ZoneSettings#entryFrames()} consecutive
 * observations with its anchor inside (boundary included), and exits after
 * {@link ZoneSettings#exitFrames()} consecutive observations outside; entry and dwell are timed from
 * the first observation of the run that decided it. Loitering is reported once per stay when the
 * dwell reaches the threshold. A track not observed for more than the track timeout has ended: it
 * exits every zone it is in (message {@code track ended}, dwell up to its last observation) and its
 * state is dropped. Until then a track that is not observed (occluded, or lost by the tracker)
 * still counts in the occupancy of the zones it entered.
 *
 * <p><b>Configuration changes.</b> Memory of lines and zones that are no longer configured is
 * dropped (no exit events for a removed zone); lines and zones keep their memory by name.
 */
public final class CameraAnalytics {

    private CameraAnalytics() {}

    /**
     * Processes one frame: updates {@code state}, passes events to {@code events} in a deterministic
     * order (by track id, then lines, then zones; ended tracks last) and returns the frame's summary,
     * or null for a frame at or before the last processed sequence (a duplicate after a replay).
     */
    public static FrameSummary process(CameraSettings settings, int trackTimeoutFrames, CameraAnalyticsState state,
            TrackedFrame frame, Consumer<AnalyticsEvent> events) {
        if (state.lastSequence >= 0 && frame.sequence() <= state.lastSequence) {
            return null;
        }
        state.lastSequence = frame.sequence();
        String camera = frame.cameraId();
        long seq = frame.sequence();
        long ts = frame.timestampMillis();
        Set<String> lineNames = new HashSet<>();
        settings.lines().forEach(l -> lineNames.add(l.name()));
        Set<String> zoneNames = new HashSet<>();
        settings.zones().forEach(z -> zoneNames.add(z.name()));

        Map<Long, String> observed = new TreeMap<>();
        List<FrameSummary.Crossing> crossings = new ArrayList<>();
        for (TrackedObject o : frame.objects()) {
            if (o.state() != TrackState.CONFIRMED) {
                continue;
            }
            observed.put(o.trackId(), o.label());
            TrackMemory t = state.tracks.computeIfAbsent(o.trackId(), id -> new TrackMemory());
            t.lastSeenSequence = seq;
            t.lastSeenTimestamp = ts;
            t.label = o.label();
            t.lines.keySet().retainAll(lineNames);
            t.zones.keySet().retainAll(zoneNames);
            for (LineSettings line : settings.lines()) {
                if (line.counts(o.label())) {
                    String direction = observeLine(line, t, line.anchor().of(o));
                    if (direction != null) {
                        events.accept(AnalyticsEvent.track(AnalyticsEvent.Type.LINE_CROSSED, camera, o.trackId(),
                                o.label(), line.name(), direction, seq, ts, -1, null));
                        crossings.add(new FrameSummary.Crossing(line.name(), o.label(), direction.equals("in")));
                    }
                }
            }
            for (ZoneSettings zone : settings.zones()) {
                if (zone.counts(o.label())) {
                    observeZone(zone, t, o, camera, seq, ts, events);
                }
            }
        }

        for (Iterator<Map.Entry<Long, TrackMemory>> it = state.tracks.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, TrackMemory> e = it.next();
            TrackMemory t = e.getValue();
            if (seq - t.lastSeenSequence > trackTimeoutFrames) {
                t.zones.forEach((zone, z) -> {
                    if (z.inside && zoneNames.contains(zone)) {
                        events.accept(AnalyticsEvent.track(AnalyticsEvent.Type.ZONE_EXITED, camera, e.getKey(),
                                t.label, zone, null, seq, ts, t.lastSeenTimestamp - z.entryTimestamp, "track ended"));
                    }
                });
                it.remove();
            }
        }

        List<ZoneOccupancy> occupancy = new ArrayList<>(settings.zones().size());
        for (ZoneSettings zone : settings.zones()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            state.tracks.values().forEach(t -> {
                ZoneMemory z = t.zones.get(zone.name());
                if (z != null && z.inside) {
                    counts.merge(t.label, 1, Integer::sum);
                }
            });
            occupancy.add(new ZoneOccupancy(camera, seq, ts, zone.name(), counts));
        }
        return new FrameSummary(camera, seq, ts, observed, crossings, occupancy);
    }

    /** Updates the track's memory of a line; returns "in" or "out" when a crossing counts. */
    static String observeLine(LineSettings line, TrackMemory t, Point p) {
        int s = Geometry.side(line.a(), line.b(), p);
        LineMemory m = t.lines.get(line.name());
        if (m == null) {
            m = new LineMemory();
            m.committedSide = s;
            m.lastX = p.x();
            m.lastY = p.y();
            t.lines.put(line.name(), m);
            return null;
        }
        if (Geometry.segmentsIntersect(new Point(m.lastX, m.lastY), p, line.a(), line.b())) {
            m.touched = true;
        }
        m.lastX = p.x();
        m.lastY = p.y();
        if (s == 0) {
            return null;
        }
        if (m.committedSide == 0 || s == m.committedSide) {
            m.committedSide = s;
            m.runCount = 0;
            m.touched = false;
            return null;
        }
        m.runCount++;
        if (m.runCount < line.minFramesOnSide()) {
            return null;
        }
        boolean counted = m.touched;
        m.committedSide = s;
        m.runCount = 0;
        m.touched = false;
        if (!counted) {
            return null; // went round the end of the line
        }
        return s == line.inSide().sign ? "in" : "out";
    }

    private static void observeZone(ZoneSettings zone, TrackMemory t, TrackedObject o, String camera, long seq,
            long ts, Consumer<AnalyticsEvent> events) {
        boolean raw = Geometry.inPolygon(zone.polygon(), zone.anchor().of(o));
        ZoneMemory z = t.zones.get(zone.name());
        if (z == null) {
            if (!raw) {
                return;
            }
            z = new ZoneMemory();
            t.zones.put(zone.name(), z);
        }
        if (raw == z.inside) {
            z.runCount = 0;
        } else {
            if (z.runCount == 0) {
                z.runStartTimestamp = ts;
            }
            z.runCount++;
            if (!z.inside && z.runCount >= zone.entryFrames()) {
                z.inside = true;
                z.runCount = 0;
                z.entryTimestamp = z.runStartTimestamp;
                z.loiteringReported = false;
                events.accept(AnalyticsEvent.track(AnalyticsEvent.Type.ZONE_ENTERED, camera, o.trackId(), o.label(),
                        zone.name(), null, seq, ts, -1, null));
            } else if (z.inside && z.runCount >= zone.exitFrames()) {
                events.accept(AnalyticsEvent.track(AnalyticsEvent.Type.ZONE_EXITED, camera, o.trackId(), o.label(),
                        zone.name(), null, seq, ts, z.runStartTimestamp - z.entryTimestamp, null));
                t.zones.remove(zone.name());
                return;
            }
        }
        if (z.inside && !z.loiteringReported && zone.loiteringSeconds() > 0
                && ts - z.entryTimestamp >= zone.loiteringMillis()) {
            z.loiteringReported = true;
            events.accept(AnalyticsEvent.track(AnalyticsEvent.Type.LOITERING, camera, o.trackId(), o.label(),
                    zone.name(), null, seq, ts, ts - z.entryTimestamp, null));
        }
        if (!z.inside && z.runCount == 0) {
            t.zones.remove(zone.name());
        }
    }
}
