package dev.vigil.testing.services;

import dev.vigil.testing.Await;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one JVM, Kafka 4 from its own
 * classpath) on free 127.0.0.1 ports, for integration tests. Its log directory survives {@link #stop()} and
 * {@link #restart()}, so a restarted broker has its topics and records back.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final int port;
    private final ServiceProcess process;

    private KafkaBroker(int port, ServiceProcess process) {
        this.port = port;
        this.process = process;
    }

    /** Formats a fresh log directory under {@code workDir} and starts a broker on it. */
    public static KafkaBroker start(Path workDir) {
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path logs = workDir.resolve("kafka-logs").toAbsolutePath();
        Path properties = workDir.resolve("server.properties").toAbsolutePath();
        // A previous run's data would give the fresh broker an old cluster id.
        ServiceProcess.deleteRecursively(logs);
        try {
            // One log per broker started here, so that a failure's log is this run's.
            Files.deleteIfExists(workDir.resolve("kafka.log"));
            Files.createDirectories(workDir);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs,
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + properties, e);
        }
        String classpath = MavenClasspath.of("kafka-broker");
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.level=WARN");
        ServiceProcess.runToCompletion(ServiceProcess.javaCommand(classpath, jvm, "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())),
                workDir, workDir.resolve("StorageTool.log"), STARTUP);
        ServiceProcess process = ServiceProcess.startJava("kafka", classpath, jvm, "kafka.Kafka",
                List.of(properties.toString()), workDir);
        KafkaBroker broker = new KafkaBroker(port, process);
        broker.awaitReady();
        return broker;
    }

    /** host:port for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates topics with the given partition count (replication factor 1), waiting until they exist. */
    public void createTopics(int partitions, String... topics) {
        try (AdminClient admin = admin()) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, partitions, (short) 1));
            }
            admin.createTopics(newTopics).all().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + List.of(topics) + ": " + e, e);
        }
    }

    /** An admin client of this broker; the caller closes it. */
    public AdminClient admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return AdminClient.create(props);
    }

    /** Client properties naming this broker, to add to. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", bootstrapServers()));
        return props;
    }

    /**
     * Every record of {@code topic} visible to a {@code read_committed} consumer, read from the beginning
     * up to the last stable offset of each partition as it is when the call starts, in partition order.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(1)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofMinutes(1));
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new java.util.TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    byPartition.computeIfAbsent(record.partition(), k -> new ArrayList<>()).add(record);
                }
            }
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            byPartition.values().forEach(all::addAll);
            return all;
        }
    }

    /** Transactions the broker holds open (their ids and states), for failure messages. */
    public String openTransactions() {
        try (AdminClient admin = admin()) {
            return admin.listTransactions().all().get(1, TimeUnit.MINUTES).stream()
                    .filter(t -> t.state() != org.apache.kafka.clients.admin.TransactionState.COMPLETE_COMMIT
                            && t.state() != org.apache.kafka.clients.admin.TransactionState.COMPLETE_ABORT
                            && t.state() != org.apache.kafka.clients.admin.TransactionState.EMPTY)
                    .map(t -> t.transactionalId() + "=" + t.state())
                    .sorted()
                    .toList()
                    .toString();
        } catch (Exception e) {
            return "(cannot list transactions: " + e + ")";
        }
    }

    /** A plain producer of this broker (idempotent, acks=all); the caller closes it. */
    public KafkaProducer<byte[], byte[]> producer() {
        Properties props = clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(4 * 1024 * 1024));
        return new KafkaProducer<>(props);
    }

    /** Shuts the broker down cleanly; its data stays for {@link #restart()}. */
    public void stop() {
        process.stop();
    }

    /** Kills the broker at once, as a crash would; its data stays for {@link #restart()}. */
    public void kill() {
        process.kill();
    }

    /** Starts the stopped broker again on the same ports and data, and waits until it serves clients. */
    public void restart() {
        process.start();
        awaitReady();
    }

    private void awaitReady() {
        process.awaitPort(port, STARTUP);
        AtomicReference<Exception> last = new AtomicReference<>();
        try (AdminClient admin = admin()) {
            Await.until("Kafka to serve clients", STARTUP, Duration.ofMillis(200), () -> {
                process.checkAlive("serving clients");
                try {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                    return true;
                } catch (ExecutionException | TimeoutException notYet) {
                    last.set(notYet);
                    return false;
                }
            }, () -> "last error: " + last.get() + "\n" + process.logTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
