package dev.vigil.job;

import dev.vigil.job.kafka.KafkaConnection;
import dev.vigil.job.kafka.KafkaDelivery;
import dev.vigil.job.config.KafkaOptions;
import dev.vigil.job.config.VigilConfig;
import dev.vigil.sources.Frame;
import dev.vigil.sources.kafka.DeadLetter;
import dev.vigil.sources.kafka.DeadLetterSerializationSchema;
import dev.vigil.sources.kafka.DecodeFrames;
import dev.vigil.sources.kafka.EncodedFrame;
import dev.vigil.sources.kafka.EncodedFrameDeserializer;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Frames from a Kafka frame topic ({@code input.type: kafka}): Flink's KafkaSource reads the encoded
 * records, {@link DecodeFrames} decodes them, and records that are not frames go to the dead-letter
 * topic. Event time is each frame's capture timestamp; watermarks are per partition, allow
 * {@code kafka.max-out-of-orderness} for cameras sharing a partition, and an idle partition stops
 * holding them back after {@code kafka.idle-timeout}.
 *
 * <p>Offsets are part of Flink's checkpoints (and committed to the consumer group when a checkpoint
 * completes, for monitoring), so after a failure the job re-reads exactly the frames after its last
 * checkpoint. The dead-letter topic is written with the outputs' delivery guarantee.
 */
final class KafkaFrameInput implements FrameInput {

    private final KafkaSource<EncodedFrame> source;
    private final Duration maxOutOfOrderness;
    private final Duration idleTimeout;
    private final DecodeFrames decode;
    private final Sink<DeadLetter> deadLetters;
    private final List<String> cameras;

    private KafkaFrameInput(KafkaSource<EncodedFrame> source, Duration maxOutOfOrderness, Duration idleTimeout,
            DecodeFrames decode, Sink<DeadLetter> deadLetters, List<String> cameras) {
        this.source = source;
        this.cameras = cameras;
        this.maxOutOfOrderness = maxOutOfOrderness;
        this.idleTimeout = idleTimeout;
        this.decode = decode;
        this.deadLetters = deadLetters;
    }

    /** The input the config describes, or {@code null} with the reasons added to {@code problems}. */
    static KafkaFrameInput fromConfig(VigilConfig config, List<String> problems) {
        int before = problems.size();
        String topic = config.get(KafkaOptions.FRAMES_TOPIC);
        if (topic == null || topic.isBlank()) {
            problems.add(KafkaOptions.FRAMES_TOPIC.key() + ": required for input.type kafka (the topic of encoded frames)");
        }
        KafkaConnection connection = KafkaConnection.fromConfig(config, "input.type kafka", problems);
        KafkaDelivery delivery = KafkaDelivery.fromConfig(config, problems);
        if (problems.size() > before) {
            return null;
        }
        String deadLetterTopic = config.get(KafkaOptions.DEAD_LETTER_TOPIC);
        if (deadLetterTopic == null) {
            deadLetterTopic = topic + "-dead-letters";
        }
        KafkaSourceBuilder<EncodedFrame> builder = KafkaSource.<EncodedFrame>builder()
                .setBootstrapServers(connection.bootstrapServers())
                .setProperties(connection.clientProperties())
                .setTopics(topic)
                .setGroupId(config.get(KafkaOptions.GROUP_ID))
                .setStartingOffsets(startingOffsets(config.get(KafkaOptions.STARTING_OFFSETS)))
                .setDeserializer(new EncodedFrameDeserializer());
        if (config.get(KafkaOptions.STOP_AT_END)) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        List<String> cameras = config.get(KafkaOptions.CAMERAS);
        return new KafkaFrameInput(builder.build(),
                config.get(KafkaOptions.MAX_OUT_OF_ORDERNESS),
                config.get(KafkaOptions.IDLE_TIMEOUT),
                new DecodeFrames(config.get(KafkaOptions.MAX_IMAGE_BYTES), cameras == null ? List.of() : cameras),
                delivery.sink(connection, new DeadLetterSerializationSchema(deadLetterTopic), "dead-letters"),
                cameras);
    }

    /** The cameras of {@code kafka.cameras}, when the input is restricted to them. */
    @Override
    public Optional<List<String>> cameraIds() {
        return Optional.ofNullable(cameras);
    }

    private static OffsetsInitializer startingOffsets(String choice) {
        return switch (choice) {
            case "earliest" -> OffsetsInitializer.earliest();
            case "latest" -> OffsetsInitializer.latest();
            default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    @Override
    public DataStream<Frame> addTo(StreamExecutionEnvironment env) {
        WatermarkStrategy<EncodedFrame> watermarks = WatermarkStrategy
                .<EncodedFrame>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((record, previous) -> record.eventTimestampMillis());
        if (!idleTimeout.isZero()) {
            watermarks = watermarks.withIdleness(idleTimeout);
        }
        SingleOutputStreamOperator<Frame> frames = env.fromSource(source, watermarks, "kafka-frames")
                .uid("kafka-frames")
                .process(decode)
                .name("decode-frames")
                .uid("decode-frames");
        frames.getSideOutput(DecodeFrames.DEAD_LETTERS).sinkTo(deadLetters).name("dead-letters").uid("dead-letters");
        return frames;
    }
}
