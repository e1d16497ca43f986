package dev.vigil.job.cli;

import dev.vigil.job.ExitCodes;
import dev.vigil.job.config.ValueType;
import dev.vigil.job.kafka.KafkaReachability;
import dev.vigil.sources.BgrConverter;
import dev.vigil.sources.FfmpegLog;
import dev.vigil.sources.FrameImages;
import dev.vigil.sources.kafka.FrameTopic;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vigil publish}: reads a video file or an RTSP stream and publishes its frames to a Kafka frame
 * topic in the {@linkplain FrameTopic frame topic format}, JPEG-encoded, with an idempotent producer (no
 * duplicates from its own retries). Capture timestamps are the wall-clock start plus each frame's
 * presentation time for files (so a file's frames keep their spacing however fast they are sent), and
 * the wall clock at capture for live streams.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes a video file or RTSP stream to a Kafka frame topic: one JPEG per record, key = camera id,",
            "headers camera-id, sequence, capture-timestamp-ms and content-type. Prints progress every 2 s."
        })
public final class PublishCommand implements Callable<Integer> {

    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    @Option(names = {"-i", "--input"}, required = true,
            description = "Video file, or a live stream URL such as rtsp://host:8554/cam.")
    String input;

    @Option(names = {"-b", "--bootstrap-servers"}, defaultValue = "localhost:9092",
            description = "Kafka brokers, host:port[,host:port...]. Default: ${DEFAULT-VALUE}")
    String bootstrapServers;

    @Option(names = {"-t", "--topic"}, required = true, description = "Frame topic to publish to.")
    String topic;

    @Option(names = {"-c", "--camera-id"},
            description = "Camera id (record key and camera-id header). Default: the file name without extension, "
                    + "or 'camera' for a stream.")
    String cameraId;

    @Option(names = "--fps", defaultValue = "0",
            description = "Publish at most this many frames per second; 0 = as fast as possible. Default: ${DEFAULT-VALUE}")
    double fps;

    @Option(names = {"-q", "--quality"}, defaultValue = "85",
            description = "JPEG quality, 1 (smallest) to 100 (best). Default: ${DEFAULT-VALUE}")
    int quality;

    @Option(names = {"-n", "--max-frames"}, defaultValue = "0",
            description = "Stop after this many frames; 0 = at the end of the input (never, with --loop). "
                    + "Default: ${DEFAULT-VALUE}")
    long maxFrames;

    @Option(names = "--loop", description = "Start a file again when it ends; sequence and time keep counting.")
    boolean loop;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long to wait for a broker to answer before publishing anything, e.g. 500ms, 10s. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration connectTimeout;

    @Option(names = "--property", paramLabel = "KEY=VALUE",
            description = "Kafka producer property, e.g. --property security.protocol=SASL_SSL (repeatable).")
    Map<String, String> properties = new LinkedHashMap<>();

    private final PrintStream out;

    public PublishCommand() {
        this(System.out);
    }

    PublishCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (quality < 1 || quality > 100) {
            System.err.println("--quality must be 1 to 100, got " + quality);
            return ExitCodes.CONFIG;
        }
        if (fps < 0 || maxFrames < 0) {
            System.err.println("--fps and --max-frames must not be negative");
            return ExitCodes.CONFIG;
        }
        // Unchecked, the producer would block every send for a minute waiting for an absent broker.
        Properties client = new Properties();
        client.putAll(properties);
        var unreachable = new KafkaReachability("--bootstrap-servers", "--property")
                .problem(bootstrapServers, client, connectTimeout);
        if (unreachable.isPresent()) {
            System.err.println(unreachable.get());
            return ExitCodes.CONFIG;
        }
        boolean live = input.contains("://");
        String camera = cameraId != null ? cameraId : live ? "camera" : baseName(input);
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long sent = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long lastReport = start;
        // Each pass over a looped file continues the timeline where the previous one ended.
        long loopOffsetMicros = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties());
                BgrConverter converter = new BgrConverter()) {
            out.printf("Publishing %s to %s topic %s as camera %s%n", input, bootstrapServers, topic, camera);
            boolean more = true;
            while (more) {
                FFmpegFrameGrabber grabber = open(input, live);
                long lastPts = 0;
                try {
                    Frame frame;
                    while ((frame = grabber.grabImage()) != null) {
                        if (maxFrames > 0 && sent >= maxFrames) {
                            more = false;
                            break;
                        }
                        if (sent == 0) {
                            // Rates count from the first frame, not from connecting and opening the input.
                            start = System.nanoTime();
                            lastReport = start;
                        }
                        pace(start, sent);
                        if (!(frame.opaque instanceof AVFrame picture)) {
                            throw new IOException("the decoder returned a frame without an image");
                        }
                        // Each picture at its own size: a stream may change size mid-way.
                        byte[] jpeg = FrameImages.jpeg(picture.width(), picture.height(), converter.convert(picture),
                                quality);
                        lastPts = frame.timestamp;
                        long capture = live ? System.currentTimeMillis()
                                : startMillis + (loopOffsetMicros + frame.timestamp) / 1000;
                        producer.send(record(camera, sent, capture, jpeg), (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, error);
                            }
                        });
                        sent++;
                        bytes += jpeg.length;
                        if (System.nanoTime() - lastReport >= PROGRESS_INTERVAL_NANOS) {
                            lastReport = System.nanoTime();
                            report(sent, bytes, start);
                        }
                    }
                } finally {
                    grabber.close();
                }
                loopOffsetMicros += lastPts + frameDurationMicros(grabber);
                more = more && loop && !live && sent > 0;
            }
            producer.flush();
        }
        report(sent, bytes, start);
        if (failed.get() > 0) {
            System.err.println(failed.get() + " of " + sent + " frames were not published: " + firstFailure.get());
            return ExitCodes.JOB_FAILED;
        }
        out.printf("Done: %d frames published to %s%n", sent, topic);
        return 0;
    }

    private ProducerRecord<byte[], byte[]> record(String camera, long sequence, long captureMillis, byte[] jpeg) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, captureMillis, FrameTopic.text(camera), jpeg);
        record.headers()
                .add(FrameTopic.CAMERA_ID, FrameTopic.text(camera))
                .add(FrameTopic.SEQUENCE, FrameTopic.text(Long.toString(sequence)))
                .add(FrameTopic.CAPTURE_TIMESTAMP, FrameTopic.text(Long.toString(captureMillis)))
                .add(FrameTopic.CONTENT_TYPE, FrameTopic.text(FrameTopic.JPEG));
        return record;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // Retries after a lost acknowledgement must not write a frame twice.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        return props;
    }

    private static FFmpegFrameGrabber open(String input, boolean live) throws Exception {
        FfmpegLog.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        // The pictures as decoded, converted by BgrConverter at their own size.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        if (input.startsWith("rtsp://")) {
            grabber.setOption("rtsp_transport", "tcp");
            grabber.setOption("timeout", "10000000");
        }
        grabber.start();
        if (!grabber.hasVideo()) {
            grabber.close();
            throw new IllegalArgumentException(input + " has no video stream");
        }
        return grabber;
    }

    private static long frameDurationMicros(FFmpegFrameGrabber grabber) {
        double rate = grabber.getVideoFrameRate();
        return rate > 0 ? Math.round(1_000_000 / rate) : 40_000;
    }

    /** Waits until frame {@code index} is due under the fps limit. */
    private void pace(long startNanos, long index) throws InterruptedException {
        if (fps <= 0) {
            return;
        }
        long due = startNanos + Math.round(index * 1e9 / fps);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private void report(long sent, long bytes, long startNanos) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        out.printf("  frames %d  %.1f frames/s  %.1f MB (%.0f KB/frame)%n", sent, sent / seconds, bytes / 1e6,
                sent == 0 ? 0.0 : bytes / 1e3 / sent);
    }

    /** Durations as config files write them ({@code 500ms}, {@code 10s}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ValueType.positiveDuration().read(value);
        }
    }

    private static String baseName(String file) {
        String name = Path.of(file).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
