package dev.vigil.operators.detect;

import dev.vigil.operators.Reject;
import dev.vigil.sources.CameraMotion;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static dev.vigil.testing.Scenes.scene;
import static dev.vigil.testing.Scenes.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreenFramesTest {

    private OneInputStreamOperatorTestHarness<Frame, Frame> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new ScreenFrames());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void goodFramesPassUntouched() throws Exception {
        Frame good = Frame.bgr("cam", 3, 120, 4, 2, new byte[24]);

        harness.processElement(good, 120);

        assertThat(harness.extractOutputValues()).containsExactly(good);
        assertThat(harness.getSideOutput(ScreenFrames.REJECTS)).isNull();
    }

    @Test
    void damagedFrameIsRejectedAtDecodeWithTheSourcesMessage() throws Exception {
        harness.processElement(Frame.damaged("cam", 412, 16_480, "street.mp4: stream ended at frame 412 of 905"), 0);
        harness.processElement(Frame.bgr("cam", 413, 0, 2, 2, new byte[12]), 0);

        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DECODE);
            assertThat(r.sequence()).isEqualTo(412);
            assertThat(r.reason()).isEqualTo("street.mp4: stream ended at frame 412 of 905");
        });
        assertThat(harness.extractOutputValues()).extracting(Frame::sequence).containsExactly(413L);
    }

    @Test
    void aGapIsOneRejectCountingEveryMissingFrame() throws Exception {
        harness.processElement(Frame.gap("cam", 105, 183, 79, 4_375, "frames 105 to 183 are missing"), 0);
        harness.processElement(Frame.bgr("cam", 184, 7_667, 2, 2, new byte[12]), 0);

        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DECODE);
            assertThat(r.sequence()).isEqualTo(105);
            assertThat(r.lastSequence()).isEqualTo(183);
            assertThat(r.frames()).isEqualTo(79);
            assertThat(r.timestampMillis()).isEqualTo(4_375);
        });
        assertThat(harness.extractOutputValues()).extracting(Frame::sequence).containsExactly(184L);
    }

    @Test
    void frameWhosePixelsDoNotMatchItsSizeIsRejectedNotFedToTheModel() throws Exception {
        harness.processElement(new Frame("cam", 5, 0, 0, 10, 10, PixelLayout.BGR24, new byte[7], null), 0);

        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DETECT);
            assertThat(r.reason()).isEqualTo("frame 5 of camera 'cam' claims 10x10 BGR24 (300 bytes) but carries 7 bytes");
        });
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void withACheckpointQualityGoodFramesLeaveStoredAsJpegsOfIt() throws Exception {
        try (OneInputStreamOperatorTestHarness<Frame, Frame> jpeg =
                ProcessFunctionTestHarnesses.forProcessFunction(new ScreenFrames(85))) {
            Frame good = Frame.bgr("cam", 3, 120, 4, 2, new byte[24]);

            jpeg.processElement(good, 120);

            assertThat(jpeg.extractOutputValues()).singleElement().satisfies(out -> {
                assertThat(out).isEqualTo(good);
                assertThat(out.pixels()).as("pixels shared, not copied").isSameAs(good.pixels());
                assertThat(out.pixelStorage().jpegQuality()).isEqualTo(85);
            });
        }
    }

    @Test
    void aFrameThatIsAJpegAlreadyKeepsIt() throws Exception {
        try (OneInputStreamOperatorTestHarness<Frame, Frame> jpeg =
                ProcessFunctionTestHarnesses.forProcessFunction(new ScreenFrames(85))) {
            PixelStorage source = PixelStorage.source(new byte[] {1, 2, 3});
            Frame fromKafka = Frame.bgr("cam", 3, 120, 4, 2, new byte[24]).withPixelStorage(source);

            jpeg.processElement(fromKafka, 120);

            assertThat(jpeg.extractOutputValues()).singleElement()
                    .satisfies(out -> assertThat(out.pixelStorage()).isSameAs(source));
        }
    }

    @Test
    void withoutACheckpointQualityFramesStayRaw() throws Exception {
        harness.processElement(Frame.bgr("cam", 3, 120, 4, 2, new byte[24]), 120);

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(out -> assertThat(out.pixelStorage().isJpeg()).isFalse());
    }

    private List<Reject> rejects() {
        return harness.getSideOutput(ScreenFrames.REJECTS).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
    }

    @Test
    void withCameraMotionEachCamerasFramesCarryTheSummedShift() throws Exception {
        try (OneInputStreamOperatorTestHarness<Frame, Frame> motion =
                ProcessFunctionTestHarnesses.forProcessFunction(new ScreenFrames(0, true))) {
            byte[] world = scene(840, 560, 11);
            int[] cameraX = {100, 92, 80, 85};
            for (int i = 0; i < cameraX.length; i++) {
                motion.processElement(Frame.bgr("drone", i, 40L * i, 640, 360, window(world, 840, cameraX[i], 100, 640, 360)), 0);
            }
            motion.processElement(Frame.bgr("fixed", 0, 0, 640, 360, window(world, 840, 0, 0, 640, 360)), 0);

            List<Frame> out = motion.extractOutputValues();
            assertThat(out.get(0).motion()).isEqualTo(new CameraMotion(0, 0, 0));
            CameraMotion last = out.get(3).motion();
            assertThat(last.originSequence()).isZero();
            // The camera moved 15 px left in all: the content 15 px right.
            assertThat(last.x()).isCloseTo(15, within(2.0));
            assertThat(last.y()).isCloseTo(0, within(2.0));
            assertThat(out.get(4).motion()).as("another camera starts its own origin").isEqualTo(new CameraMotion(0, 0, 0));
        }
    }

    @Test
    void aCameraSilentForTheIdleTimeLosesItsThumbnailAndStartsANewOrigin() throws Exception {
        try (OneInputStreamOperatorTestHarness<Frame, Frame> motion =
                ProcessFunctionTestHarnesses.forProcessFunction(new ScreenFrames(0, true))) {
            byte[] world = scene(840, 560, 11);
            byte[] view = window(world, 840, 100, 100, 640, 360);
            motion.setProcessingTime(0);
            motion.processElement(Frame.bgr("paused", 0, 0, 640, 360, view), 0);
            motion.processElement(Frame.bgr("gone", 0, 0, 640, 360, view), 0);
            motion.setProcessingTime(ScreenFrames.IDLE_CAMERA_MILLIS / 2);
            motion.processElement(Frame.bgr("paused", 1, 40, 640, 360, view), 0);
            motion.setProcessingTime(ScreenFrames.IDLE_CAMERA_MILLIS + 1);
            motion.processElement(Frame.bgr("paused", 2, 80, 640, 360, view), 0);
            motion.processElement(Frame.bgr("gone", 1, 40, 640, 360, view), 0);

            List<Frame> out = motion.extractOutputValues();
            assertThat(out.get(2).motion().originSequence()).as("within the idle time: the chain goes on").isZero();
            assertThat(out.get(3).motion().originSequence()).as("seen within the idle time: kept").isZero();
            assertThat(out.get(4).motion()).as("silent for the idle time: a new origin")
                    .isEqualTo(new CameraMotion(1, 0, 0));
        }
    }

    @Test
    void withoutCameraMotionFramesCarryNone() throws Exception {
        harness.processElement(Frame.bgr("cam", 1, 0, 2, 2, new byte[12]), 0);
        assertThat(harness.extractOutputValues().get(0).motion()).isNull();
    }
}
