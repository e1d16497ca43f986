package dev.vigil.job.output;

import dev.vigil.operators.Reject;
import dev.vigil.operators.analytics.AnalyticsEvent;
import dev.vigil.operators.analytics.CountsRecord;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.track.TrackedFrame;

import org.apache.flink.api.connector.sink2.Sink;

/**
 * The result streams of a job, as an {@link OutputDestination} sees them: which ones exist, and how to
 * send one to a sink under a stable operator uid. The pipeline is one; destinations know nothing else of it.
 */
public interface ResultStreams {

    /** Whether tracked frames exist ({@link #toTracks} may be called). */
    boolean hasTracking();

    /** Whether analytics events and counts exist ({@link #toEvents}, {@link #toCounts} may be called). */
    boolean hasAnalytics();

    ResultStreams toResults(String uid, Sink<FrameDetections> sink);

    ResultStreams toRejects(String uid, Sink<Reject> sink);

    ResultStreams toTracks(String uid, Sink<TrackedFrame> sink);

    ResultStreams toEvents(String uid, Sink<AnalyticsEvent> sink);

    ResultStreams toCounts(String uid, Sink<CountsRecord> sink);
}
