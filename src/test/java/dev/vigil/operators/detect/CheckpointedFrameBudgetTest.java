package dev.vigil.operators.detect;

import dev.vigil.sources.Frame;
import dev.vigil.sources.PackedBgr;
import dev.vigil.sources.PixelStorage;
import dev.vigil.sources.FrameSerializer;
import dev.vigil.testing.TestData;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one in-flight 1080p frame costs in a checkpoint with the detection stage's defaults, on a real
 * frame of the street video scaled to 1920x1080 (busy, with cars): the budget is 1.5 MB of checkpoint
 * per camera, shared by the frames the default in-flight byte bound lets a camera hold and the one more
 * a checkpoint can catch on its way out.
 */
class CheckpointedFrameBudgetTest {

    private static final long CHECKPOINT_BUDGET_PER_CAMERA = 1_500_000;
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    private static Frame frame;

    @BeforeAll
    static void grabA1080pFrame() throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(
                TestData.data("video/vehicle-counting-street/input_video.mp4").toFile())) {
            grabber.setImageWidth(WIDTH);
            grabber.setImageHeight(HEIGHT);
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            org.bytedeco.javacv.Frame image = null;
            for (int i = 0; i <= 240; i++) {
                image = grabber.grabImage();
            }
            frame = Frame.bgr("street", 240, 10_000, WIDTH, HEIGHT, PackedBgr.of(image));
        }
    }

    @Test
    void aCheckpointed1080pFrameFitsItsShareOfTheBudget() throws IOException {
        long framesInFlight = DetectionSettings.DEFAULT_MAX_IN_FLIGHT_BYTES / frame.pixels().length;
        assertThat(framesInFlight).as("1080p frames the default byte bound lets in").isEqualTo(3);
        long framesInACheckpoint = framesInFlight + 1;

        int stored = serialize(jpegStored(frame)).length;

        assertThat(stored).as("bytes of one checkpointed 1080p frame (raw: %d)", serialize(frame).length)
                .isLessThanOrEqualTo((int) (CHECKPOINT_BUDGET_PER_CAMERA / framesInACheckpoint));
    }

    @Test
    void aRestoredFrameKeepsItsSizeAndLooksLikeTheOriginal() throws IOException {
        Frame restored = deserialize(serialize(jpegStored(frame)));

        assertThat(restored.width()).isEqualTo(WIDTH);
        assertThat(restored.height()).isEqualTo(HEIGHT);
        assertThat(restored.sequence()).isEqualTo(240);
        assertThat(restored.hasConsistentPixels()).isTrue();
        assertThat(psnr(frame.pixels(), restored.pixels())).as("PSNR in dB").isGreaterThan(35);
    }

    @Test
    void aRestoredFrameCheckpointedAgainWritesTheSameJpeg() throws IOException {
        byte[] first = serialize(jpegStored(frame));

        byte[] again = serialize(deserialize(first));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void rawStorageIsLosslessAndSixMegabytes() throws IOException {
        Frame restored = deserialize(serialize(frame));

        assertThat(restored.pixels()).isEqualTo(frame.pixels());
        assertThat(serialize(frame).length).isGreaterThan(WIDTH * HEIGHT * 3);
    }

    private static Frame jpegStored(Frame frame) {
        return frame.withPixelStorage(PixelStorage.jpeg(DetectionSettings.DEFAULT_CHECKPOINT_JPEG_QUALITY));
    }

    private static byte[] serialize(Frame frame) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1 << 20);
        FrameSerializer.INSTANCE.serialize(frame, out);
        return out.getCopyOfBuffer();
    }

    private static Frame deserialize(byte[] bytes) throws IOException {
        return FrameSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
    }

    private static double psnr(byte[] a, byte[] b) {
        double squared = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            squared += d * d;
        }
        double mse = squared / a.length;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
