package dev.vigil.job;

import dev.vigil.operators.Reject;
import dev.vigil.operators.detect.BatchingSettings;
import dev.vigil.operators.detect.DetectionSettings;
import dev.vigil.operators.detect.DetectorProvider;
import dev.vigil.operators.detect.FrameDetections;
import dev.vigil.operators.detect.FramePolicy;
import dev.vigil.operators.track.TrackedFrame;
import dev.vigil.operators.track.TrackerSettings;
import dev.vigil.sinks.CameraStatusJson;
import dev.vigil.sources.rtsp.CameraConnection;
import dev.vigil.sources.rtsp.CameraState;
import dev.vigil.sources.rtsp.CameraStatus;
import dev.vigil.sources.rtsp.ReconnectPolicy;
import dev.vigil.sources.rtsp.RtspCameraSource;
import dev.vigil.testing.Await;
import dev.vigil.testing.CollectingSink;
import dev.vigil.testing.FakeDetector;
import dev.vigil.testing.JsonSchemaAssert;
import dev.vigil.testing.LogCapture;
import dev.vigil.testing.TestData;
import dev.vigil.testing.services.FreePorts;
import dev.vigil.testing.services.RtspServer;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live cameras from a real RTSP server (GStreamer, a child process on 127.0.0.1) through the pipeline
 * with a fake detector: outages, bad URLs, credentials, overload and savepoints.
 */
class RtspCameraIT {

    /** Frames in flight in the detection stage per subtask. */
    private static final int DETECTION_CAPACITY = 4;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String USER = "operator";
    private static final String PASSWORD = "s3cr3t-Pa55";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RtspServer server;

    @BeforeAll
    static void startServer() {
        server = RtspServer.builder()
                .pattern("live", 160, 120, 25)
                .video("street", TestData.data("video/vehicle-counting-street/input_video.mp4"), 192, 108, 25)
                .auth(USER, PASSWORD)
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void camerasComeBackAfterEachServerRestartAndBadCamerasSaySoWhileOthersStream() throws Exception {
        CollectingSink<FrameDetections> results = new CollectingSink<>();
        CollectingSink<CameraStatus> statuses = new CollectingSink<>();
        int closedPort = FreePorts.pick();
        RtspCameraSource source = RtspCameraSource.builder()
                .addCamera(camera("street", "rtsp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.port() + "/street",
                        null, null))
                .addCamera(camera("live", server.url("live"), USER, PASSWORD))
                .addCamera(camera("missing", server.url("no-such-path"), USER, PASSWORD))
                .addCamera(camera("closed", "rtsp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + closedPort + "/cam",
                        null, null))
                .reconnect(new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), 0, 0.2))
                .build();
        try (LogCapture logs = new LogCapture()) {
            JobClient job = start(source, statuses, results, new FakeDetector(0), FramePolicy.LATEST, null);
            try {
                awaitFrames(results, "street", 10);
                awaitFrames(results, "live", 10);
                for (int restart = 1; restart <= 3; restart++) {
                    long before = frames(results, "live");
                    long streetBefore = frames(results, "street");
                    long killedAt = System.currentTimeMillis();
                    server.kill();
                    int round = restart;
                    await("both cameras stalled after kill " + round, () -> statusesSince(statuses, killedAt).stream()
                            .filter(s -> s.state() == CameraState.STALLED).map(CameraStatus::cameraId)
                            .collect(Collectors.toSet()).containsAll(List.of("live", "street")));
                    long stalledAt = System.currentTimeMillis();
                    server.restart();
                    long upAt = System.currentTimeMillis();
                    await("a frame decoded after the restart", () -> results.values().stream()
                            .anyMatch(r -> r.cameraId().equals("live") && r.timing().ingestTimeMillis() >= upAt));
                    long backAt = results.values().stream()
                            .filter(r -> r.cameraId().equals("live") && r.timing().ingestTimeMillis() >= upAt)
                            .mapToLong(r -> r.timing().ingestTimeMillis()).min().orElseThrow();
                    awaitFrames(results, "live", before + 10);
                    awaitFrames(results, "street", streetBefore + 10);
                    System.out.println("RTSP restart " + restart + ": both stalled " + (stalledAt - killedAt)
                            + " ms after the kill; server up again after " + (upAt - stalledAt) + " ms; first frame "
                            + (backAt - upAt) + " ms later (" + (backAt - killedAt) + " ms from kill to frames)");
                    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
                }
                List<CameraStatus> all = statuses.values();
                List<CameraStatus> comebacks = all.stream()
                        .filter(s -> s.cameraId().equals("live") && s.state() == CameraState.STREAMING
                                && s.downForMillis() > 0)
                        .toList();
                assertThat(comebacks).as("an outage report per restart").hasSizeGreaterThanOrEqualTo(3);
                assertThat(comebacks).allSatisfy(s -> {
                    assertThat(s.downSinceMillis()).isPositive();
                    assertThat(s.framesLost()).isPositive();
                });
                assertThat(messages(all, "missing")).as("status of the wrong path").anyMatch(m -> m.contains("404"));
                assertThat(messages(all, "closed")).as("status of the closed port")
                        .anyMatch(m -> m.contains("Connection refused"));
                assertThat(all).noneMatch(s -> s.cameraId().equals("missing") && s.state() == CameraState.STREAMING);
                for (String camera : List.of("live", "street")) {
                    List<Long> sequences = results.values().stream().filter(r -> r.cameraId().equals(camera))
                            .map(FrameDetections::sequence).toList();
                    assertThat(sequences).as("sequence numbers of %s rise across reconnects", camera)
                            .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
                }
                CameraStatusJson json = new CameraStatusJson();
                com.fasterxml.jackson.databind.JsonNode schema = JsonSchemaAssert.schema("camera-status.schema.json");
                com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                for (CameraStatus status : all) {
                    JsonSchemaAssert.assertMatchesSchema(mapper.readTree(json.encode(status)), schema);
                    assertThat(json.encode(status)).doesNotContain(PASSWORD).doesNotContain(USER + ":");
                }
            } finally {
                job.cancel().get();
            }
            assertThat(logs.text()).contains("Camera 'closed'").doesNotContain(PASSWORD);
        }
    }

    @Test
    void aFrozenCameraIsReconnectedWhileTheOthersKeepStreaming() throws Exception {
        CollectingSink<FrameDetections> results = new CollectingSink<>();
        CollectingSink<CameraStatus> statuses = new CollectingSink<>();
        try (RtspServer frozen = RtspServer.builder().pattern("hangs", 160, 120, 25).start()) {
            RtspCameraSource source = RtspCameraSource.builder()
                    .addCamera(camera("steady", server.url("live"), USER, PASSWORD))
                    .addCamera(new CameraConnection("hangs", frozen.url("hangs"), null, null,
                            CameraConnection.Transport.UDP, Duration.ofSeconds(2)))
                    .reconnect(new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0, 0.2))
                    .build();
            JobClient job = start(source, statuses, results, new FakeDetector(0), FramePolicy.LATEST, null);
            try {
                awaitFrames(results, "hangs", 10);
                awaitFrames(results, "steady", 10);
                long frozenAt = System.currentTimeMillis();
                frozen.freeze();
                await("the frozen camera to be reported stalled", () -> statusesSince(statuses, frozenAt).stream()
                        .anyMatch(s -> s.cameraId().equals("hangs") && s.state() == CameraState.STALLED));
                // While its reconnect attempts hang until their timeout, the other camera goes on at its rate.
                long steadyBefore = frames(results, "steady");
                await("an attempt on the frozen server to time out", () -> statusesSince(statuses, frozenAt).stream()
                        .filter(s -> s.cameraId().equals("hangs") && s.state() == CameraState.RECONNECTING)
                        .count() >= 2);
                assertThat(frames(results, "steady") - steadyBefore).as("frames of the other camera meanwhile")
                        .isGreaterThan(25);
                long hangsBefore = frames(results, "hangs");
                frozen.thaw();
                awaitFrames(results, "hangs", hangsBefore + 10);
                assertThat(statusesSince(statuses, frozenAt)).anyMatch(s -> s.cameraId().equals("hangs")
                        && s.state() == CameraState.STREAMING && s.downForMillis() > 0 && s.framesLost() > 0);
                assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            } finally {
                job.cancel().get();
            }
        }
    }

    @Test
    void slowDetectorKeepsLatencyBoundedAndSkipsFrames() throws Exception {
        CollectingSink<FrameDetections> results = new CollectingSink<>();
        RtspCameraSource source = RtspCameraSource.builder()
                .addCamera(camera("live", server.url("live"), USER, PASSWORD))
                .build();
        // 100 ms per frame, one at a time: 10 fps against a 25 fps camera.
        JobClient job = start(source, new CollectingSink<>(), results, new FakeDetector(100), FramePolicy.LATEST, null);
        try {
            awaitFrames(results, "live", 80);
        } finally {
            job.cancel().get();
        }
        List<FrameDetections> all = results.values();
        List<Long> latencies = all.subList(all.size() / 2, all.size()).stream()
                .map(r -> r.timing().detectedAtMillis() - r.timing().ingestTimeMillis()).sorted().toList();
        long p95 = latencies.get((int) (latencies.size() * 0.95));
        long first = all.get(0).sequence();
        long last = all.get(all.size() - 1).sequence();
        System.out.println("RTSP overload: " + all.size() + " frames detected of " + (last - first + 1)
                + " decoded; capture-to-result p95 " + p95 + " ms in the second half");
        assertThat(p95).as("latency stays bounded instead of growing with a backlog").isLessThan(3000);
        assertThat(last - first + 1).as("frames the detector could not take were skipped")
                .isGreaterThan(all.size() * 3L / 2);
    }

    @Test
    void savepointRestoreKeepsTheStateOfCamerasThatStay(@TempDir Path savepoints) throws Exception {
        TrackerSettings tracking = TrackerSettings.FOR_VIGIL_DETECTORS.toBuilder().idleTimeoutMillis(600_000).build();
        CollectingSink<TrackedFrame> before = new CollectingSink<>();
        JobClient first = start(RtspCameraSource.builder()
                        .addCamera(camera("gone", server.url("street"), USER, PASSWORD))
                        .addCamera(camera("stays", server.url("live"), USER, PASSWORD))
                        .build(),
                new CollectingSink<>(), new CollectingSink<>(), new FakeDetector(0), FramePolicy.LATEST, null,
                tracking, before);
        awaitTracked(before, "stays", 40);
        awaitTracked(before, "gone", 5);
        String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get();
        TrackedFrame lastBefore = last(before, "stays");

        CollectingSink<TrackedFrame> after = new CollectingSink<>();
        JobClient second = start(RtspCameraSource.builder()
                        .addCamera(camera("stays", server.url("live"), USER, PASSWORD))
                        .addCamera(camera("added", server.url("street"), USER, PASSWORD))
                        .build(),
                new CollectingSink<>(), new CollectingSink<>(), new FakeDetector(0), FramePolicy.LATEST, savepoint,
                tracking, after);
        try {
            awaitTracked(after, "stays", 20);
            awaitTracked(after, "added", 20);
        } finally {
            second.cancel().get();
        }
        // Frames in flight in the detection stage at the savepoint are kept in its state and reach the
        // sinks again after the restore, so the first frames after it may repeat the last ones before.
        List<TrackedFrame> stayedBefore = tracked(before, "stays");
        long oldestInFlight = stayedBefore.get(Math.max(0, stayedBefore.size() - DETECTION_CAPACITY)).sequence();
        assertThat(first(after, "stays").sequence()).as("sequence numbers go on from the savepoint")
                .isGreaterThanOrEqualTo(oldestInFlight);
        TrackedFrame firstNew = tracked(after, "stays").stream()
                .filter(f -> f.sequence() > lastBefore.sequence()).findFirst().orElseThrow();
        assertThat(firstNew.objects().get(0).trackId()).as("the same track goes on")
                .isEqualTo(lastBefore.objects().get(0).trackId());
        assertThat(firstNew.objects().get(0).ageFrames()).isGreaterThan(lastBefore.objects().get(0).ageFrames());
        assertThat(first(after, "added").sequence()).as("a new camera starts afresh").isLessThan(50);
        // The removed camera is no longer read: the only frames of it after the restore are those that were
        // in flight in the detection stage at the savepoint, which must not be lost.
        List<TrackedFrame> goneBefore = tracked(before, "gone");
        long oldestGoneInFlight = goneBefore.get(Math.max(0, goneBefore.size() - DETECTION_CAPACITY)).sequence();
        List<TrackedFrame> goneAfter = tracked(after, "gone");
        assertThat(goneAfter).as("frames of the removed camera after the restore").hasSizeLessThanOrEqualTo(
                DETECTION_CAPACITY);
        assertThat(goneAfter).allMatch(f -> f.sequence() >= oldestGoneInFlight);
    }

    private static CameraConnection camera(String id, String url, String user, String password) {
        return new CameraConnection(id, url, user, password, CameraConnection.Transport.TCP, Duration.ofSeconds(3));
    }

    private static JobClient start(RtspCameraSource source, CollectingSink<CameraStatus> statuses,
            CollectingSink<FrameDetections> results, FakeDetector detector, FramePolicy policy, String savepoint)
            throws Exception {
        return start(source, statuses, results, detector, policy, savepoint, null, null);
    }

    private static JobClient start(RtspCameraSource source, CollectingSink<CameraStatus> statuses,
            CollectingSink<FrameDetections> results, FakeDetector detector, FramePolicy policy, String savepoint,
            TrackerSettings tracking, CollectingSink<TrackedFrame> tracks) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DetectorProvider provider = DetectorProvider.of("fake-" + detector.delayMillisPerImage(), device -> detector);
        DetectionSettings detection = new DetectionSettings(
                new BatchingSettings(1, Duration.ofMillis(1), 1), policy, DETECTION_CAPACITY, Duration.ofSeconds(60));
        VigilPipeline pipeline = new VigilPipeline(new RtspFrameInput(source, List.of(statuses)), provider, detection)
                .toResults("results", results)
                .toRejects("rejects", new CollectingSink<Reject>());
        if (tracking != null) {
            pipeline.withTracking(tracking, tracks);
        }
        pipeline.addTo(env);
        return env.executeAsync("rtsp");
    }

    private static long frames(CollectingSink<FrameDetections> results, String camera) {
        return results.values().stream().filter(r -> r.cameraId().equals(camera)).count();
    }

    private static void awaitFrames(CollectingSink<FrameDetections> results, String camera, long count)
            throws InterruptedException {
        await(count + " results of camera " + camera, () -> frames(results, camera) >= count);
    }

    private static void awaitTracked(CollectingSink<TrackedFrame> tracks, String camera, long count)
            throws InterruptedException {
        await(count + " tracked frames of camera " + camera, () -> tracks.values().stream()
                .filter(t -> t.cameraId().equals(camera) && !t.objects().isEmpty()).count() >= count);
    }

    /** A camera's tracked frames that have objects, in arrival order. */
    private static List<TrackedFrame> tracked(CollectingSink<TrackedFrame> tracks, String camera) {
        return tracks.values().stream().filter(t -> t.cameraId().equals(camera) && !t.objects().isEmpty()).toList();
    }

    private static TrackedFrame last(CollectingSink<TrackedFrame> tracks, String camera) {
        List<TrackedFrame> frames = tracked(tracks, camera);
        return frames.get(frames.size() - 1);
    }

    private static TrackedFrame first(CollectingSink<TrackedFrame> tracks, String camera) {
        return tracked(tracks, camera).get(0);
    }

    private static List<CameraStatus> statusesSince(CollectingSink<CameraStatus> statuses, long since) {
        return statuses.values().stream().filter(s -> s.timeMillis() >= since).toList();
    }

    private static List<String> messages(List<CameraStatus> statuses, String camera) {
        List<String> messages = new ArrayList<>();
        statuses.stream().filter(s -> s.cameraId().equals(camera) && s.message() != null)
                .forEach(s -> messages.add(s.message()));
        return messages;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, PATIENCE, Duration.ofMillis(100), condition::getAsBoolean,
                () -> "RTSP server log:\n" + server.logTail());
    }
}
