package dev.vigil.operators.visual;

import dev.vigil.models.Detection;
import dev.vigil.operators.analytics.AnalysedFrame;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.FrameSummary;
import dev.vigil.operators.analytics.ZoneOccupancy;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackState;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackedObject;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is drawn over one frame: made from the last stage the job has (analytics, tracking or
 * detection), so one record per frame holds all of it and nothing has to be matched up across streams.
 *
 * @param cameraId camera
 * @param sequence frame sequence
 * @param timestampMillis event time of the frame
 * @param width source frame width; marks are in source-frame pixels
 * @param height source frame height
 * @param marks tracked objects (with tracking) or detections (without)
 * @param events analytics events decided in this frame
 * @param zones occupancy of each zone in this frame
 * @param crossings line crossings counted in this frame
 */
@TypeInfo(FrameOverlayTypeInfoFactory.class)
public record FrameOverlay(
        String cameraId,
        long sequence,
        long timestampMillis,
        int width,
        int height,
        List<Mark> marks,
        List<AnalyticsEvent> events,
        List<ZoneCount> zones,
        List<FrameSummary.Crossing> crossings) {

    /**
     * One box to draw.
     *
     * @param trackId the track's id, or -1 for a detection without tracking
     * @param predicted whether the box is the tracker's prediction (the object was not matched in this frame)
     */
    public record Mark(long trackId, String label, float score, float x1, float y1, float x2, float y2,
            boolean predicted) {
        public Mark {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Objects of the zone's classes inside it. */
    public record ZoneCount(String zone, int count) {
        public ZoneCount {
            Objects.requireNonNull(zone, "zone");
        }
    }

    public FrameOverlay {
        Objects.requireNonNull(cameraId, "cameraId");
        marks = List.copyOf(marks);
        events = List.copyOf(events);
        zones = List.copyOf(zones);
        crossings = List.copyOf(crossings);
    }

    /** Whether any event of this frame has a snapshot to take. */
    public boolean hasSnapshots() {
        for (AnalyticsEvent e : events) {
            if (e.snapshot() != null) {
                return true;
            }
        }
        return false;
    }

    /** The overlay of a frame with detections only. */
    public static FrameOverlay of(FrameDetections d) {
        List<Mark> marks = new ArrayList<>(d.detections().size());
        for (Detection x : d.detections()) {
            marks.add(new Mark(-1, x.label(), x.score(), x.x1(), x.y1(), x.x2(), x.y2(), false));
        }
        return new FrameOverlay(d.cameraId(), d.sequence(), d.timestampMillis(), d.width(), d.height(), marks,
                List.of(), List.of(), List.of());
    }

    /** The overlay of a tracked frame without analytics. */
    public static FrameOverlay of(TrackedFrame t) {
        return new FrameOverlay(t.cameraId(), t.sequence(), t.timestampMillis(), t.width(), t.height(), marks(t),
                List.of(), List.of(), List.of());
    }

    /** The overlay of an analysed frame: tracks, events, occupancy and crossings. */
    public static FrameOverlay of(AnalysedFrame a) {
        TrackedFrame t = a.frame();
        List<ZoneCount> zones = new ArrayList<>(a.summary().zones().size());
        for (ZoneOccupancy z : a.summary().zones()) {
            zones.add(new ZoneCount(z.zone(), z.total()));
        }
        return new FrameOverlay(t.cameraId(), t.sequence(), t.timestampMillis(), t.width(), t.height(), marks(t),
                a.events(), zones, a.summary().crossings());
    }

    private static List<Mark> marks(TrackedFrame t) {
        List<Mark> marks = new ArrayList<>(t.objects().size());
        for (TrackedObject o : t.objects()) {
            marks.add(new Mark(o.trackId(), o.label(), o.score(), o.x1(), o.y1(), o.x2(), o.y2(),
                    o.state() == TrackState.LOST));
        }
        return marks;
    }
}
