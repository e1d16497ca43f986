package dev.vigil.sources.rtsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens cameras once, before a job that must not start without them is submitted: all cameras at the same
 * time, each bounded by its own timeout, so the whole check takes about the longest timeout. A failed
 * connect takes FFmpeg no longer than that; the check waits a little beyond it in case it does.
 */
public final class CameraProbe {

    /** Beyond a camera's timeout, what the check allows FFmpeg for giving up before it stops waiting itself. */
    private static final long MARGIN_MILLIS = 2_000;

    private final CameraFeed.Connector connector;

    CameraProbe(CameraFeed.Connector connector) {
        this.connector = connector;
    }

    /** A probe that opens cameras with FFmpeg, as the job does. */
    public static CameraProbe ffmpeg() {
        return new CameraProbe(FfmpegCameraFeed.CONNECTOR);
    }

    /**
     * Why each camera that did not answer could not be opened, by camera id, in the given order; empty when
     * all answered. Messages name neither credentials nor the URL (the caller names the camera).
     */
    public Map<String, String> unreachable(List<CameraConnection> cameras) {
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (CameraConnection camera : cameras) {
            CompletableFuture<String> attempt = new CompletableFuture<>();
            Thread thread = new Thread(() -> attempt.complete(open(camera)), "rtsp-probe-" + camera.cameraId());
            // A connect FFmpeg does not give up on must not keep the client's JVM alive.
            thread.setDaemon(true);
            thread.start();
            attempts.add(attempt);
        }
        long start = System.nanoTime();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < cameras.size(); i++) {
            CameraConnection camera = cameras.get(i);
            // Each camera's bound counts from the common start, so waiting for one does not add to another's.
            long left = camera.timeout().toMillis() + MARGIN_MILLIS - (System.nanoTime() - start) / 1_000_000;
            String problem = await(attempts.get(i), camera, Math.max(0, left));
            if (problem != null) {
                problems.put(camera.cameraId(), problem);
            }
        }
        return problems;
    }

    /** {@code null} when the camera answered, else why not. */
    private String open(CameraConnection camera) {
        try (CameraFeed feed = connector.open(camera)) {
            return null;
        } catch (Exception e) {
            return camera.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String await(CompletableFuture<String> attempt, CameraConnection camera, long millis) {
        try {
            return attempt.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "no answer within " + camera.timeout().toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }
}
