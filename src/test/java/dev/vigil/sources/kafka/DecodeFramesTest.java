package dev.vigil.sources.kafka;

import dev.vigil.sources.FrameImages;
import dev.vigil.sources.Frame;
import dev.vigil.sources.FrameSerializer;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeFramesTest {

    private static final long LIMIT = 1_000_000;

    /** A 64x48 image: left half pure red, right half pure blue. */
    static BufferedImage redBlue() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 48);
        g.setColor(Color.BLUE);
        g.fillRect(32, 0, 32, 48);
        g.dispose();
        return image;
    }

    static List<Header> headers(String camera, String sequence, String capture, String contentType) {
        List<Header> headers = new ArrayList<>();
        if (camera != null) {
            headers.add(new RecordHeader(FrameTopic.CAMERA_ID, FrameTopic.text(camera)));
        }
        if (sequence != null) {
            headers.add(new RecordHeader(FrameTopic.SEQUENCE, FrameTopic.text(sequence)));
        }
        if (capture != null) {
            headers.add(new RecordHeader(FrameTopic.CAPTURE_TIMESTAMP, FrameTopic.text(capture)));
        }
        if (contentType != null) {
            headers.add(new RecordHeader(FrameTopic.CONTENT_TYPE, FrameTopic.text(contentType)));
        }
        return headers;
    }

    private static EncodedFrame record(byte[] value, List<Header> headers) {
        return new EncodedFrame("frames", 0, 7, 1_000, FrameTopic.text("cam"), value, headers);
    }

    private static Object decode(byte[] value, List<Header> headers) {
        return DecodeFrames.decode(record(value, headers), LIMIT, Set.of());
    }

    private static DeadLetterReason reasonOf(Object result) {
        assertThat(result).isInstanceOf(DeadLetter.class);
        return ((DeadLetter) result).reason();
    }

    @Test
    void decodesJpegToBgrWithHeaderFields() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 95);
        Object result = decode(jpeg, headers("cam", "42", "1700000000123", FrameTopic.JPEG));
        assertThat(result).isInstanceOf(Frame.class);
        Frame frame = (Frame) result;
        assertThat(frame.cameraId()).isEqualTo("cam");
        assertThat(frame.sequence()).isEqualTo(42);
        assertThat(frame.timestampMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(frame.width()).isEqualTo(64);
        assertThat(frame.height()).isEqualTo(48);
        assertThat(frame.hasConsistentPixels()).isTrue();
        byte[] px = frame.pixels();
        int left = (24 * 64 + 8) * 3;
        int right = (24 * 64 + 56) * 3;
        // BGR order: red is high in the third byte, blue in the first (JPEG is lossy: allow some error).
        assertThat(px[left + 2] & 0xff).isGreaterThan(230);
        assertThat(px[left] & 0xff).isLessThan(25);
        assertThat(px[right] & 0xff).isGreaterThan(230);
        assertThat(px[right + 2] & 0xff).isLessThan(25);
    }

    @Test
    void aJpegFrameKeepsItsRecordsBytesForCheckpointsAndReadsBackToTheSamePixels() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 80);
        Frame frame = (Frame) decode(jpeg, headers("cam", "42", "1700000000123", FrameTopic.JPEG));

        DataOutputSerializer out = new DataOutputSerializer(64);
        FrameSerializer.INSTANCE.serialize(frame, out);
        Frame restored = FrameSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(frame.pixelStorage().isJpeg()).isTrue();
        assertThat(out.length()).as("the record's JPEG plus a header").isLessThan(jpeg.length + 64);
        assertThat(restored.pixels()).isEqualTo(frame.pixels());
    }

    @Test
    void aPngFrameIsStoredAsItsPixels() throws Exception {
        Frame frame = (Frame) decode(FrameImages.png(redBlue()), headers("cam", "0", "5", FrameTopic.PNG));

        assertThat(frame.pixelStorage().isJpeg()).isFalse();
    }

    @Test
    void decodesPngExactly() throws Exception {
        BufferedImage image = redBlue();
        Object result = decode(FrameImages.png(image), headers("cam", "0", "5", FrameTopic.PNG));
        Frame frame = (Frame) result;
        byte[] expected = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        assertThat(frame.pixels()).isEqualTo(expected);
    }

    @Test
    void emptyAndMissingValuesAreDeadLetters() {
        assertThat(reasonOf(decode(new byte[0], headers("cam", "0", "5", FrameTopic.JPEG))))
                .isEqualTo(DeadLetterReason.EMPTY_IMAGE);
        assertThat(reasonOf(decode(null, headers("cam", "0", "5", FrameTopic.JPEG))))
                .isEqualTo(DeadLetterReason.EMPTY_IMAGE);
    }

    @Test
    void corruptAndTruncatedImagesAreUndecodable() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 90);
        Object garbage = decode("not an image at all".getBytes(), headers("cam", "0", "5", FrameTopic.JPEG));
        assertThat(reasonOf(garbage)).isEqualTo(DeadLetterReason.UNDECODABLE_IMAGE);
        assertThat(((DeadLetter) garbage).detail()).startsWith("frames/0@7: cannot decode image/jpeg");
        Object truncated = decode(Arrays.copyOf(jpeg, jpeg.length / 2), headers("cam", "0", "5", FrameTopic.JPEG));
        assertThat(reasonOf(truncated)).isEqualTo(DeadLetterReason.UNDECODABLE_IMAGE);
        Object pngAsJpeg = decode(FrameImages.png(redBlue()), headers("cam", "0", "5", FrameTopic.JPEG));
        assertThat(reasonOf(pngAsJpeg)).isEqualTo(DeadLetterReason.UNDECODABLE_IMAGE);
    }

    @Test
    void missingAndInvalidHeadersAreNamed() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 90);
        Object none = decode(jpeg, List.of());
        assertThat(reasonOf(none)).isEqualTo(DeadLetterReason.MISSING_HEADER);
        assertThat(((DeadLetter) none).detail())
                .contains(FrameTopic.CAMERA_ID, FrameTopic.SEQUENCE, FrameTopic.CAPTURE_TIMESTAMP, FrameTopic.CONTENT_TYPE);
        Object badSequence = decode(jpeg, headers("cam", "-1", "5", FrameTopic.JPEG));
        assertThat(reasonOf(badSequence)).isEqualTo(DeadLetterReason.INVALID_HEADER);
        assertThat(((DeadLetter) badSequence).detail()).contains(FrameTopic.SEQUENCE, "'-1'");
        assertThat(reasonOf(decode(jpeg, headers("cam", "1", "yesterday", FrameTopic.JPEG))))
                .isEqualTo(DeadLetterReason.INVALID_HEADER);
        assertThat(reasonOf(decode(jpeg, headers("cam", "1", "5", "image/gif"))))
                .isEqualTo(DeadLetterReason.INVALID_HEADER);
    }

    @Test
    void oversizedImagesAreNotDecoded() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 90);
        Object result = DecodeFrames.decode(record(jpeg, headers("cam", "0", "5", FrameTopic.JPEG)), jpeg.length - 1, Set.of());
        assertThat(reasonOf(result)).isEqualTo(DeadLetterReason.IMAGE_TOO_LARGE);
        assertThat(((DeadLetter) result).detail()).contains(jpeg.length + " bytes");
    }

    @Test
    void camerasOutsideTheConfiguredSetAreUnknown() throws Exception {
        byte[] jpeg = FrameImages.jpeg(redBlue(), 90);
        EncodedFrame other = record(jpeg, headers("lobby", "0", "5", FrameTopic.JPEG));
        assertThat(reasonOf(DecodeFrames.decode(other, LIMIT, Set.of("gate", "street"))))
                .isEqualTo(DeadLetterReason.UNKNOWN_CAMERA);
        assertThat(DecodeFrames.decode(other, LIMIT, Set.of("lobby"))).isInstanceOf(Frame.class);
    }

    @Test
    void eventTimeFallsBackToTheRecordTimestamp() {
        assertThat(record(null, headers("cam", "0", "123", null)).eventTimestampMillis()).isEqualTo(123);
        assertThat(record(null, headers("cam", "0", "soon", null)).eventTimestampMillis()).isEqualTo(1_000);
        assertThat(record(null, List.of()).eventTimestampMillis()).isEqualTo(1_000);
    }
}
