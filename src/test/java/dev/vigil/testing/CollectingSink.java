package dev.vigil.testing;

import dev.vigil.sinks.WriterContextSink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test sink that collects records in memory of this JVM (the mini-cluster runs in the test's JVM).
 * Each instance has its own bucket, so tests do not see each other's records.
 */
public final class CollectingSink<T> implements WriterContextSink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, List<Object>> BUCKETS = new ConcurrentHashMap<>();

    private final String bucket = UUID.randomUUID().toString();

    public CollectingSink() {
        BUCKETS.put(bucket, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /** A copy of what was collected so far, in arrival order. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        List<Object> values = BUCKETS.get(bucket);
        synchronized (values) {
            return (List<T>) new ArrayList<>(values);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> values = BUCKETS.get(bucket);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                values.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
