package dev.vigil.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.connector.source.Boundedness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class FileVideoSourceBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void probeReadsTheHeaders() throws Exception {
        VideoInfo cars = FileVideoSource.probe(TestVideos.carDetection());
        assertThat(cars.width()).isEqualTo(768);
        assertThat(cars.height()).isEqualTo(432);
        assertThat(cars.fps()).isEqualTo(12.5);
        assertThat(cars.frameCount()).isEqualTo(377);
        assertThat(cars.durationMillis()).isBetween(30_000L, 30_300L);

        VideoInfo street = FileVideoSource.probe(TestVideos.streetTraffic());
        assertThat(street.width()).isEqualTo(640);
        assertThat(street.height()).isEqualTo(352);
        assertThat(street.frameCount()).isEqualTo(905);
        assertThat(street.fps()).isBetween(24.0, 24.1);
    }

    @Test
    void cameraIdDefaultsToTheFileStemAndExpectedFramesFollowStrideAndLimit() {
        FileVideoSource source = FileVideoSource.builder()
                .addVideo(TestVideos.carDetection(), null)
                .addVideo(TestVideos.streetTraffic(), "street")
                .frameStride(4)
                .build();
        assertThat(source.cameraIds()).containsExactly("car-detection", "street");
        assertThat(source.expectedFrames()).isEqualTo(95 + 227); // ceil(377/4) + ceil(905/4)
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);

        FileVideoSource limited = FileVideoSource.builder()
                .addVideo(TestVideos.carDetection(), null)
                .addVideo(TestVideos.streetTraffic(), null)
                .frameStride(2)
                .maxFrames(200)
                .build();
        assertThat(limited.expectedFrames()).isEqualTo(189 + 200);
    }

    @Test
    void loopingIsUnboundedUnlessLimited() {
        FileVideoSource endless = FileVideoSource.builder()
                .addVideo(TestVideos.carDetection(), null).loop(true).build();
        assertThat(endless.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(endless.expectedFrames()).isEqualTo(-1);

        FileVideoSource limited = FileVideoSource.builder()
                .addVideo(TestVideos.carDetection(), null).loop(true).maxFrames(1000).build();
        assertThat(limited.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(limited.expectedFrames()).isEqualTo(1000);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = tmp.resolve("nope.mp4");
        assertThatThrownBy(() -> FileVideoSource.builder().addVideo(missing, null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("video file not found: " + missing);
    }

    @Test
    void garbageFileIsRejectedAtBuildTime() throws Exception {
        Path garbage = tmp.resolve("garbage.mp4");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThatThrownBy(() -> FileVideoSource.builder().addVideo(garbage, "g").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a video file FFmpeg can read: " + garbage)
                .hasMessageNotContaining("setFormat");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> FileVideoSource.builder().addVideo(tmp, "dir").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("video path is not a regular file: " + tmp);
    }

    @Test
    void duplicateCameraIdsAreRejected() {
        assertThatThrownBy(() -> FileVideoSource.builder()
                        .addVideo(TestVideos.carDetection(), "cam")
                        .addVideo(TestVideos.streetTraffic(), "cam")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("two videos would both be camera 'cam'");
        assertThatThrownBy(() -> FileVideoSource.builder()
                        .addVideo(TestVideos.carDetection(), null)
                        .addVideo(TestVideos.carDetection(), null)
                        .build())
                .hasMessageStartingWith("two videos would both be camera 'car-detection'");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> FileVideoSource.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no video added");
        assertThatThrownBy(() -> FileVideoSource.builder()
                        .addVideo(TestVideos.carDetection(), null).frameStride(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frameStride must be >= 1, was 0");
        assertThatThrownBy(() -> FileVideoSource.builder()
                        .addVideo(TestVideos.carDetection(), null).maxFrames(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxFrames must be >= 0 (0 = no limit), was -1");
        assertThatThrownBy(() -> FileVideoSource.builder().addVideo(TestVideos.carDetection(), " ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("camera id must not be blank");
        assertThatThrownBy(() -> FileVideoSource.builder().addVideo(null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
