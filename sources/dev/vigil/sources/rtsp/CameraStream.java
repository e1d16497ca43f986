package dev.vigil.sources.rtsp;

import dev.vigil.sources.CameraMetricGroup;
import dev.vigil.sources.Frame;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One camera's decode loop, on its own thread: connects, decodes continuously, and reconnects with
 * backoff on any error, end of stream or stall, so that one camera never blocks the others.
 *
 * <p><b>Latest frame wins.</b> Each decoded frame goes into a single-slot mailbox; a frame the reader
 * has not taken yet is replaced and counted as skipped, so frames never queue up in the source. Its
 * sequence number is already spent, so downstream sees the gap.
 *
 * <p><b>Time.</b> A frame's event time is the wall clock when it was decoded (the capture clock of
 * this TaskManager), not the camera's own or NTP-mapped time, which cameras set unreliably.
 *
 * <p><b>Metrics</b>, in group {@code camera.<id>} of the source reader: {@code state} (the ordinal of
 * {@link CameraState}), {@code framesDecoded}, {@code framesSkipped} (replaced in the mailbox),
 * {@code framesLost} (estimated for outages), {@code failedAttempts} (connection attempts that failed).
 */
final class CameraStream implements Runnable {

    /** What the stream tells its reader; called on the decode thread. */
    interface Listener {
        void frameReady();

        void status(CameraStatus status);

        /** The camera failed at start with fail-fast on: the reader fails the job with this. */
        void fatal(Exception error);
    }

    /** How the stream waits; tests pass one that does not. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final CameraConnection camera;
    private final ReconnectPolicy policy;
    private final boolean failFast;
    private final CameraFeed.Connector connector;
    private final Listener listener;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final Counter decoded;
    private final Counter skipped;
    private final Counter lost;
    private final Counter failedAttempts;
    private volatile CameraState state = CameraState.CONNECTING;
    private volatile boolean stopped;
    private volatile Thread thread;
    private long sequence;

    CameraStream(CameraConnection camera, ReconnectPolicy policy, boolean failFast, long firstSequence,
            CameraFeed.Connector connector, Listener listener, MetricGroup metrics, LongSupplier clock,
            Sleeper sleeper, DoubleSupplier random) {
        this.camera = camera;
        this.policy = policy;
        this.failFast = failFast;
        this.sequence = firstSequence;
        this.connector = connector;
        this.listener = listener;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        metrics.gauge(RtspMetrics.STATE, () -> state.ordinal());
        this.decoded = CameraMetricGroup.countedPerSecond(metrics, RtspMetrics.FRAMES_DECODED, new SimpleCounter());
        this.skipped = CameraMetricGroup.countedPerSecond(metrics, RtspMetrics.FRAMES_SKIPPED, new SimpleCounter());
        this.lost = metrics.counter(RtspMetrics.FRAMES_LOST);
        this.failedAttempts = metrics.counter(RtspMetrics.FAILED_ATTEMPTS);
    }

    String cameraId() {
        return camera.cameraId();
    }

    /** Starts the decode thread. */
    void start() {
        Thread t = new Thread(this, "rtsp-camera-" + camera.cameraId());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** The newest decoded frame not yet taken, or {@code null}; empties the mailbox. */
    Frame takeNewest() {
        return newest.getAndSet(null);
    }

    boolean hasFrame() {
        return newest.get() != null;
    }

    /** Stops decoding; returns at once, the thread ends within the camera's timeout. */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Waits for the decode thread to end, at most {@code millis}. */
    void awaitStop(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    @Override
    public void run() {
        int failures = 0;
        boolean everStreamed = false;
        long downSince = clock.getAsLong();
        double frameRate = 0;
        report(CameraState.CONNECTING, -1, 0, 0, 0, "connecting");
        while (!stopped) {
            boolean streaming = false;
            long lastFrameAt = downSince;
            String problem;
            try (CameraFeed feed = connector.open(camera)) {
                frameRate = feed.frameRate() > 0 ? feed.frameRate() : frameRate;
                CameraFeed.Picture picture;
                while (!stopped && (picture = feed.next()) != null) {
                    long now = clock.getAsLong();
                    if (!streaming) {
                        streaming = true;
                        long downFor = now - downSince;
                        long framesLost = everStreamed ? Math.round(downFor * frameRate / 1000.0) : 0;
                        sequence += framesLost;
                        lost.inc(framesLost);
                        report(CameraState.STREAMING, failures > 0 || everStreamed ? downSince : -1,
                                failures > 0 || everStreamed ? downFor : 0, framesLost, 0,
                                everStreamed ? "streaming again after " + downFor + " ms" : "streaming");
                        failures = 0;
                        everStreamed = true;
                    }
                    deliver(Frame.bgr(camera.cameraId(), sequence++, now, picture.width(), picture.height(),
                            picture.bgr()));
                    lastFrameAt = now;
                }
                problem = "the stream ended";
            } catch (Exception e) {
                problem = camera.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            if (stopped) {
                return;
            }
            failures++;
            failedAttempts.inc();
            long now = clock.getAsLong();
            if (streaming) {
                downSince = lastFrameAt;
                report(CameraState.STALLED, downSince, now - downSince, 0, failures, problem);
            }
            if (failFast && !everStreamed) {
                report(CameraState.FAILED, downSince, now - downSince, 0, failures, problem + " (fail-fast is on)");
                listener.fatal(new java.io.IOException("camera '" + camera.cameraId() + "' at " + camera.maskedUrl()
                        + " is unreachable at start and fail-fast is on: " + problem));
                return;
            }
            if (policy.givesUpAfter(failures)) {
                report(CameraState.FAILED, downSince, now - downSince, 0, failures,
                        problem + "; giving up after " + failures + " failed attempts");
                return;
            }
            long delay = policy.delayMillis(failures, random);
            report(CameraState.RECONNECTING, downSince, now - downSince, 0, failures,
                    problem + "; next attempt in " + delay + " ms");
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliver(Frame frame) {
        decoded.inc();
        if (newest.getAndSet(frame) != null) {
            skipped.inc();
        }
        listener.frameReady();
    }

    private void report(CameraState newState, long downSince, long downFor, long framesLost, int failures,
            String message) {
        state = newState;
        listener.status(new CameraStatus(camera.cameraId(), newState, clock.getAsLong(), downSince, downFor,
                framesLost, failures, camera.maskedUrl(), camera.mask(message)));
    }

    /** Real time, for the reader. */
    static final Sleeper REAL_SLEEP = TimeUnit.MILLISECONDS::sleep;
}
