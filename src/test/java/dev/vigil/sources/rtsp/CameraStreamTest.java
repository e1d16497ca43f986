package dev.vigil.sources.rtsp;

import dev.vigil.sources.Frame;

import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The decode loop against scripted fake cameras, a fake clock and a sleeper that only advances it. */
class CameraStreamTest {

    private static final CameraConnection CAMERA = new CameraConnection("gate", "rtsp://op:pw-123@cam/s", null, null,
            CameraConnection.Transport.TCP, Duration.ofSeconds(5));

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<Long> sleeps = new ArrayList<>();
    private final List<CameraStatus> statuses = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Deque<Object> script = new ArrayDeque<>();
    private Exception fatal;
    private boolean takeFrames = true;

    @Test
    void reconnectsWithBackoffAndSequencesSkipTheFramesLostInTheOutage() {
        script.add(new IOException("Connection refused (rtsp://op:pw-123@cam/s)"));
        script.add(feed(3, new IOException("timed out")));
        script.add(feed(2, null));
        script.add(new IOException("Connection refused"));
        script.add(new IOException("Connection refused"));
        // The end of the stream counts as the first of the three failed attempts in a row.
        stream(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3, 0), false).run();

        assertThat(states()).containsExactly("CONNECTING", "RECONNECTING", "STREAMING", "STALLED", "RECONNECTING",
                "STREAMING", "STALLED", "RECONNECTING", "RECONNECTING", "FAILED");
        assertThat(sleeps).containsExactly(100L, 100L, 100L, 200L);
        // Outage: from the last frame of the first session to the first of the second: 100 ms of backoff
        // plus 40 ms to the first picture = 140 ms, 3.5 frames at 25 fps, rounded to 4.
        CameraStatus back = statuses.get(5);
        assertThat(back.downForMillis()).isEqualTo(140);
        assertThat(back.framesLost()).isEqualTo(4);
        assertThat(frames).extracting(Frame::sequence).containsExactly(10L, 11L, 12L, 17L, 18L);
        assertThat(statuses.get(1).message()).contains("Connection refused").doesNotContain("pw-123")
                .contains("rtsp://***@cam/s");
        assertThat(statuses).allSatisfy(s -> assertThat(s.maskedUrl()).isEqualTo("rtsp://***@cam/s"));
        assertThat(statuses.get(statuses.size() - 1).message()).contains("giving up after 3 failed attempts");
        assertThat(fatal).isNull();
    }

    @Test
    void onlyTheNewestFrameWaitsForTheReader() {
        takeFrames = false;
        script.add(feed(5, null));
        CameraStream stream = stream(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 1, 0), false);
        stream.run();
        assertThat(stream.takeNewest().sequence()).isEqualTo(14);
        assertThat(stream.takeNewest()).isNull();
    }

    @Test
    void failFastFailsTheReaderWhenTheCameraIsUnreachableAtStart() {
        script.add(new IOException("Server returned 404 Not Found (rtsp://op:pw-123@cam/s)"));
        stream(ReconnectPolicy.DEFAULT, true).run();
        assertThat(states()).containsExactly("CONNECTING", "FAILED");
        assertThat(fatal).hasMessageContaining("404 Not Found").hasMessageContaining("gate")
                .hasMessageNotContaining("pw-123");
    }

    private CameraStream stream(ReconnectPolicy policy, boolean failFast) {
        CameraStream[] self = new CameraStream[1];
        CameraStream.Listener listener = new CameraStream.Listener() {
            @Override
            public void frameReady() {
                if (takeFrames) {
                    frames.add(self[0].takeNewest());
                }
            }

            @Override
            public void status(CameraStatus status) {
                statuses.add(status);
            }

            @Override
            public void fatal(Exception error) {
                fatal = error;
            }
        };
        self[0] = new CameraStream(CAMERA, policy, failFast, 10, this::open, listener, new UnregisteredMetricsGroup(),
                clock::get, millis -> {
                    sleeps.add(millis);
                    clock.addAndGet(millis);
                }, () -> 0.5);
        return self[0];
    }

    private CameraFeed open(CameraConnection camera) throws IOException {
        Object next = script.poll();
        if (next == null) {
            throw new IOException("script ended");
        }
        if (next instanceof IOException e) {
            throw e;
        }
        return (CameraFeed) next;
    }

    /** A feed of {@code pictures} pictures 40 ms apart, then {@code end} thrown, or the end of the stream. */
    private CameraFeed feed(int pictures, IOException end) {
        return new CameraFeed() {
            int left = pictures;

            @Override
            public Picture next() throws IOException {
                if (left-- > 0) {
                    clock.addAndGet(40);
                    return new Picture(2, 1, new byte[6]);
                }
                if (end != null) {
                    throw end;
                }
                return null;
            }

            @Override
            public double frameRate() {
                return 25;
            }

            @Override
            public void close() {}
        };
    }

    private List<String> states() {
        return statuses.stream().map(s -> s.state().name()).toList();
    }
}
