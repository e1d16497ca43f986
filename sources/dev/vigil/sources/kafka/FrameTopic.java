package dev.vigil.sources.kafka;

import dev.vigil.sources.FrameImages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The frame topic contract: one Kafka record per video frame.
 *
 * <ul>
 *   <li>value: the encoded image, JPEG ({@value #JPEG}) or PNG ({@value #PNG});</li>
 *   <li>key: the camera id (UTF-8), so that a camera's frames stay in one partition and in order;</li>
 *   <li>headers, all UTF-8 text: {@value #CAMERA_ID} (the camera id), {@value #SEQUENCE} (the frame's
 *       0-based index in its camera's stream, a decimal integer), {@value #CAPTURE_TIMESTAMP} (capture
 *       time in epoch milliseconds, a decimal integer; it is the frame's event time) and
 *       {@value #CONTENT_TYPE} ({@value #JPEG} or {@value #PNG}).</li>
 * </ul>
 *
 * <p>A record that breaks the contract goes to the dead-letter topic with its original key, value and
 * headers plus the {@code dlq-*} headers named here.
 */
public final class FrameTopic {

    public static final String CAMERA_ID = "camera-id";
    public static final String SEQUENCE = "sequence";
    public static final String CAPTURE_TIMESTAMP = "capture-timestamp-ms";
    public static final String CONTENT_TYPE = "content-type";

    public static final String JPEG = FrameImages.JPEG;
    public static final String PNG = FrameImages.PNG;

    /** Dead-letter header: the {@link DeadLetterReason#id() reason id}. */
    public static final String DLQ_REASON = "dlq-reason";
    /** Dead-letter header: what exactly was wrong, for a person. */
    public static final String DLQ_DETAIL = "dlq-detail";
    /** Dead-letter headers: where the original record was (topic, partition, offset). */
    public static final String DLQ_TOPIC = "dlq-topic";
    public static final String DLQ_PARTITION = "dlq-partition";
    public static final String DLQ_OFFSET = "dlq-offset";

    private FrameTopic() {}

    /** Whether {@code contentType} names an image format the decoder reads. */
    public static boolean isSupportedContentType(String contentType) {
        String type = mimeType(contentType);
        return type.equals(JPEG) || type.equals(PNG);
    }

    /** {@code contentType} trimmed and in lower case, with the common alias image/jpg read as {@value #JPEG}. */
    static String mimeType(String contentType) {
        String type = contentType.trim().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? JPEG : type;
    }

    /**
     * A number header (sequence, capture timestamp) as the contract writes it: decimal text of a
     * non-negative integer. Returns -1 when it is absent or not that.
     */
    static long nonNegativeNumber(String text) {
        if (text == null) {
            return -1;
        }
        try {
            long value = Long.parseLong(text.trim());
            return value >= 0 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A header value as the contract writes it: UTF-8 text. */
    public static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
