package dev.vigil.sources.file;

import dev.vigil.sources.Frame;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.OperatorIOMetricGroup;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link FileVideoReader} the way a source task does (poll, wait for availability,
 * snapshot) without a cluster, collecting what it emits.
 */
final class ReaderHarness implements AutoCloseable {

    final Context context = new Context();
    final Output output = new Output();
    final FileVideoReader reader;

    ReaderHarness(DecodeSettings settings, List<VideoSplit> splits) {
        reader = new FileVideoReader(context, settings);
        reader.start();
        reader.addSplits(splits);
        reader.notifyNoMoreSplits();
    }

    static ReaderHarness of(DecodeSettings settings, VideoSplit... splits) {
        return new ReaderHarness(settings, List.of(splits));
    }

    static VideoSplit split(String cameraId, java.nio.file.Path file) {
        return new VideoSplit(cameraId, file.toString(), ReadPosition.START);
    }

    static DecodeSettings allFrames() {
        return new DecodeSettings(1, 0, false, false);
    }

    /** Polls until the reader reports the end of its input. */
    List<Frame> readToEnd() throws Exception {
        return readUntil(Integer.MAX_VALUE);
    }

    /** Polls until {@code count} frames in all were emitted or the input ended. */
    List<Frame> readUntil(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (output.frames.size() < count) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT) {
                break;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(60, TimeUnit.SECONDS);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("reader did not finish within 60 s; got " + output.frames.size() + " frames");
            }
        }
        return output.frames;
    }

    /** The count of a per-camera counter over every camera, or -1 if none registered it. */
    long counter(String name) {
        List<Counter> registered = context.counters.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + name)).map(Map.Entry::getValue).toList();
        return registered.isEmpty() ? -1 : registered.stream().mapToLong(Counter::getCount).sum();
    }

    @Override
    public void close() throws Exception {
        reader.close();
    }

    static final class Output implements ReaderOutput<Frame> {
        final List<Frame> frames = new ArrayList<>();
        final List<Long> recordTimestamps = new ArrayList<>();

        @Override
        public void collect(Frame record) {
            collect(record, Long.MIN_VALUE);
        }

        @Override
        public void collect(Frame record, long timestamp) {
            frames.add(record);
            recordTimestamps.add(timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<Frame> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    static final class Context implements SourceReaderContext {
        final Map<String, Counter> counters = new ConcurrentHashMap<>();
        int splitRequests;

        private final SourceReaderMetricGroup metrics = new RecordingMetricGroup(counters);

        @Override
        public SourceReaderMetricGroup metricGroup() {
            return metrics;
        }

        @Override
        public Configuration getConfiguration() {
            return new Configuration();
        }

        @Override
        public String getLocalHostName() {
            return "localhost";
        }

        @Override
        public int getIndexOfSubtask() {
            return 0;
        }

        @Override
        public void sendSplitRequest() {
            splitRequests++;
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }

    /**
     * A metric group that keeps the counters registered on it and on its key-value subgroups, by
     * {@code <value>.<name>} ({@code cars.framesDecoded}), so that tests can read them.
     */
    private static final class RecordingMetricGroup extends UnregisteredMetricsGroup implements SourceReaderMetricGroup {
        private final Map<String, Counter> counters;
        private final String prefix;
        private final SourceReaderMetricGroup delegate = UnregisteredMetricsGroup.createSourceReaderMetricGroup();

        RecordingMetricGroup(Map<String, Counter> counters) {
            this(counters, "");
        }

        private RecordingMetricGroup(Map<String, Counter> counters, String prefix) {
            this.counters = counters;
            this.prefix = prefix;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new RecordingMetricGroup(counters, prefix + value + ".");
        }

        @Override
        public Counter counter(String name) {
            return counters.computeIfAbsent(prefix + name, unused -> new SimpleCounter());
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            counters.put(prefix + name, counter);
            return counter;
        }

        @Override
        public Counter getNumRecordsInErrorsCounter() {
            return delegate.getNumRecordsInErrorsCounter();
        }

        @Override
        public void setPendingBytesGauge(Gauge<Long> pendingBytesGauge) {}

        @Override
        public void setPendingRecordsGauge(Gauge<Long> pendingRecordsGauge) {}

        @Override
        public OperatorIOMetricGroup getIOMetricGroup() {
            return delegate.getIOMetricGroup();
        }
    }
}
