package dev.vigil.sources.kafka;

import dev.vigil.models.BgrImage;
import dev.vigil.sources.CameraMetricGroup;
import dev.vigil.sources.Frame;
import dev.vigil.sources.FrameImages;
import dev.vigil.sources.PixelStorage;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns frame-topic records into decoded {@link Frame}s. A record that breaks the
 * {@linkplain FrameTopic contract} becomes a {@link DeadLetter} on the side output
 * {@link #DEAD_LETTERS} instead, with the reason; the stream goes on.
 *
 * <p>Metrics: see {@link KafkaInputMetrics}.
 */
public final class DecodeFrames extends ProcessFunction<EncodedFrame, Frame> {

    private static final long serialVersionUID = 1L;

    /** Records that did not decode to a frame, with why. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    /** Longest dead-letter detail kept; decoder messages can be long. */
    private static final int MAX_DETAIL_CHARS = 1_000;

    private final long maxImageBytes;
    private final Set<String> cameras;

    private transient MetricGroup metrics;
    private transient Map<String, Counter> framesDecoded;
    private transient Map<DeadLetterReason, Counter> deadLetters;

    /**
     * @param maxImageBytes largest encoded image accepted; larger ones become dead letters undecoded
     * @param cameras the cameras accepted, or an empty list to accept every camera
     */
    public DecodeFrames(long maxImageBytes, List<String> cameras) {
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("maxImageBytes must be positive, got " + maxImageBytes);
        }
        this.maxImageBytes = maxImageBytes;
        this.cameras = new TreeSet<>(cameras);
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = getRuntimeContext().getMetricGroup();
        framesDecoded = new HashMap<>();
        deadLetters = new EnumMap<>(DeadLetterReason.class);
        // Registered up front, so that a dashboard sees zeros rather than no series at all.
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLetters.put(reason, metrics.addGroup(KafkaInputMetrics.REASON_KEY, reason.id())
                    .counter(KafkaInputMetrics.DEAD_LETTERS));
        }
    }

    @Override
    public void processElement(EncodedFrame record, Context context, Collector<Frame> out) {
        Object result = decode(record, maxImageBytes, cameras);
        if (result instanceof Frame frame) {
            framesDecoded.computeIfAbsent(frame.cameraId(), camera -> CameraMetricGroup.countedPerSecond(
                    CameraMetricGroup.of(metrics, camera), KafkaInputMetrics.FRAMES_DECODED, new SimpleCounter())).inc();
            out.collect(frame);
        } else {
            DeadLetter letter = (DeadLetter) result;
            deadLetters.get(letter.reason()).inc();
            context.output(DEAD_LETTERS, letter);
        }
    }

    /** The frame {@code record} holds, or the dead letter saying why it holds none. */
    static Object decode(EncodedFrame record, long maxImageBytes, Set<String> cameras) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return dead(record, DeadLetterReason.EMPTY_IMAGE, "the record has no image bytes");
        }
        if (value.length > maxImageBytes) {
            return dead(record, DeadLetterReason.IMAGE_TOO_LARGE,
                    "image of " + value.length + " bytes exceeds the limit of " + maxImageBytes + " bytes");
        }
        String camera = record.header(FrameTopic.CAMERA_ID);
        String sequenceText = record.header(FrameTopic.SEQUENCE);
        String captureText = record.header(FrameTopic.CAPTURE_TIMESTAMP);
        String contentType = record.header(FrameTopic.CONTENT_TYPE);
        List<String> missing = new java.util.ArrayList<>();
        if (camera == null || camera.isBlank()) {
            missing.add(FrameTopic.CAMERA_ID);
        }
        if (sequenceText == null) {
            missing.add(FrameTopic.SEQUENCE);
        }
        if (captureText == null) {
            missing.add(FrameTopic.CAPTURE_TIMESTAMP);
        }
        if (contentType == null) {
            missing.add(FrameTopic.CONTENT_TYPE);
        }
        if (!missing.isEmpty()) {
            return dead(record, DeadLetterReason.MISSING_HEADER, "missing header(s): " + String.join(", ", missing));
        }
        long sequence = FrameTopic.nonNegativeNumber(sequenceText);
        if (sequence < 0) {
            return dead(record, DeadLetterReason.INVALID_HEADER,
                    FrameTopic.SEQUENCE + " must be a non-negative integer, got '" + sequenceText + "'");
        }
        long capture = FrameTopic.nonNegativeNumber(captureText);
        if (capture < 0) {
            return dead(record, DeadLetterReason.INVALID_HEADER, FrameTopic.CAPTURE_TIMESTAMP
                    + " must be epoch milliseconds (a non-negative integer), got '" + captureText + "'");
        }
        if (!FrameTopic.isSupportedContentType(contentType)) {
            return dead(record, DeadLetterReason.INVALID_HEADER, FrameTopic.CONTENT_TYPE + " must be "
                    + FrameTopic.JPEG + " or " + FrameTopic.PNG + ", got '" + contentType + "'");
        }
        if (!cameras.isEmpty() && !cameras.contains(camera)) {
            return dead(record, DeadLetterReason.UNKNOWN_CAMERA,
                    "camera '" + camera + "' is not one of the configured cameras " + cameras);
        }
        try {
            String mime = FrameTopic.mimeType(contentType);
            BgrImage image = FrameImages.decode(value, mime);
            Frame frame = Frame.bgr(camera, sequence, capture, image.width(), image.height(), image.pixels());
            // The record's JPEG is what a checkpoint stores: no encoding, and it reads back to these pixels.
            return mime.equals(FrameImages.JPEG) ? frame.withPixelStorage(PixelStorage.source(value)) : frame;
        } catch (IOException e) {
            return dead(record, DeadLetterReason.UNDECODABLE_IMAGE, "cannot decode " + contentType + " image of "
                    + value.length + " bytes: " + e.getMessage());
        }
    }

    private static DeadLetter dead(EncodedFrame record, DeadLetterReason reason, String detail) {
        String where = record.position() + ": " + detail;
        return new DeadLetter(record, reason,
                where.length() > MAX_DETAIL_CHARS ? where.substring(0, MAX_DETAIL_CHARS) + "..." : where);
    }
}
