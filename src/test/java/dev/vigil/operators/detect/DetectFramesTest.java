package dev.vigil.operators.detect;

import dev.vigil.models.BgrImage;
import dev.vigil.models.Detection;
import dev.vigil.models.DetectionResult;
import dev.vigil.models.Detector;
import dev.vigil.operators.Reject;
import dev.vigil.sources.Frame;
import dev.vigil.sources.PixelLayout;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DetectFramesTest {

    private static final AtomicInteger OPEN_DETECTORS = new AtomicInteger();

    /** Finds one "thing" covering each image; fails on images 13 pixels wide. */
    private static final class FakeDetector implements Detector {
        FakeDetector() {
            OPEN_DETECTORS.incrementAndGet();
        }

        @Override
        public String modelName() {
            return "fake";
        }

        @Override
        public List<String> classNames() {
            return List.of("thing");
        }

        @Override
        public List<DetectionResult> detect(List<BgrImage> images) {
            return images.stream().map(image -> {
                if (image.width() == 13) {
                    throw new IllegalStateException("unlucky width");
                }
                return new DetectionResult(
                        List.of(new Detection(0, "thing", 0.9f, 0, 0, image.width(), image.height())),
                        images.size(), 1, 2, 3);
            }).collect(Collectors.toList());
        }

        @Override
        public void close() {
            OPEN_DETECTORS.decrementAndGet();
        }
    }

    private OneInputStreamOperatorTestHarness<Frame, FrameDetections> harness;

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static Frame frame(long sequence, int width, int height) {
        return Frame.bgr("cam", sequence, sequence * 40, width, height, new byte[width * height * 3]);
    }

    @Test
    void goodFrameBecomesDetectionsInSourcePixelsWithTiming() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DetectFrames(FakeDetector::new));

        harness.processElement(frame(3, 8, 6), 120);

        List<FrameDetections> out = harness.extractOutputValues();
        assertThat(out).hasSize(1);
        FrameDetections result = out.get(0);
        assertThat(result.cameraId()).isEqualTo("cam");
        assertThat(result.sequence()).isEqualTo(3);
        assertThat(result.timestampMillis()).isEqualTo(120);
        assertThat(result.model()).isEqualTo("fake");
        assertThat(result.detections()).containsExactly(new Detection(0, "thing", 0.9f, 0, 0, 8, 6));
        assertThat(result.timing().batchSize()).isEqualTo(1);
        assertThat(result.timing().inferenceMicros()).isEqualTo(2);
        assertThat(harness.getSideOutput(DetectFrames.REJECTS)).isNull();
    }

    @Test
    void damagedFrameIsRejectedAtDecodeWithTheSourcesMessage() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DetectFrames(FakeDetector::new));

        harness.processElement(Frame.damaged("cam", 412, 16_480, "street.mp4: stream ended at frame 412 of 905"), 0);
        harness.processElement(frame(413, 4, 4), 0);

        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DECODE);
            assertThat(r.sequence()).isEqualTo(412);
            assertThat(r.reason()).isEqualTo("street.mp4: stream ended at frame 412 of 905");
        });
        assertThat(harness.extractOutputValues()).extracting(FrameDetections::sequence).containsExactly(413L);
    }

    @Test
    void frameWhosePixelsDoNotMatchItsSizeIsRejectedNotFedToTheModel() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DetectFrames(FakeDetector::new));

        harness.processElement(new Frame("cam", 5, 0, 0, 10, 10, PixelLayout.BGR24, new byte[7], null), 0);

        assertThat(rejects()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Reject.Stage.DETECT);
            assertThat(r.reason()).isEqualTo("frame 5 of camera 'cam' claims 10x10 BGR24 (300 bytes) but carries 7 bytes");
        });
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void modelFailureRejectsThatFrameAndTheJobGoesOn() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DetectFrames(FakeDetector::new));

        harness.processElement(frame(1, 13, 2), 0);
        harness.processElement(frame(2, 4, 2), 0);

        assertThat(rejects()).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("model fake failed on frame 1 of camera 'cam': java.lang.IllegalStateException: unlucky width"));
        assertThat(harness.extractOutputValues()).extracting(FrameDetections::sequence).containsExactly(2L);
    }

    @Test
    void detectorIsReleasedOnClose() throws Exception {
        int before = OPEN_DETECTORS.get();
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new DetectFrames(FakeDetector::new));
        assertThat(OPEN_DETECTORS.get()).isEqualTo(before + 1);

        harness.close();
        harness = null;

        assertThat(OPEN_DETECTORS.get()).isEqualTo(before);
    }

    private List<Reject> rejects() {
        return harness.getSideOutput(DetectFrames.REJECTS).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
    }
}
