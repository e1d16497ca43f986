package dev.vigil.operators.detect;

import dev.vigil.models.Detector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batchers of this JVM (TaskManager): one per model and device, shared by every subtask and
 * camera that uses them, and closed when the last user releases it.
 */
final class DeviceBatchers {

    /** How long closing waits for running batches before it lets go of their threads. */
    private static final long CLOSE_GRACE_SECONDS = 10;

    record Key(String modelKey, ComputeDevice device, BatchingSettings settings) {}

    private static final class Entry {
        final DeviceBatcher batcher;
        int users;

        Entry(DeviceBatcher batcher) {
            this.batcher = batcher;
        }
    }

    private static final Map<Key, Entry> BATCHERS = new HashMap<>();
    private static final AtomicInteger CREATED = new AtomicInteger();

    private DeviceBatchers() {}

    static DeviceBatcher acquire(DetectorProvider provider, ComputeDevice device, BatchingSettings settings) {
        Key key = new Key(provider.modelKey(), device, settings);
        synchronized (BATCHERS) {
            Entry entry = BATCHERS.get(key);
            if (entry == null) {
                entry = new Entry(create(provider, device, settings));
                BATCHERS.put(key, entry);
            }
            entry.users++;
            return entry.batcher;
        }
    }

    static void release(DetectorProvider provider, ComputeDevice device, BatchingSettings settings) {
        Key key = new Key(provider.modelKey(), device, settings);
        DeviceBatcher toClose = null;
        synchronized (BATCHERS) {
            Entry entry = BATCHERS.get(key);
            if (entry != null && --entry.users == 0) {
                BATCHERS.remove(key);
                toClose = entry.batcher;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** Batchers open now in this JVM. */
    static int open() {
        synchronized (BATCHERS) {
            return BATCHERS.size();
        }
    }

    private static DeviceBatcher create(DetectorProvider provider, ComputeDevice device, BatchingSettings settings) {
        int id = CREATED.incrementAndGet();
        List<Detector> detectors = new ArrayList<>();
        try {
            for (int i = 0; i < settings.slotsPerDevice(); i++) {
                detectors.add(provider.open(device));
            }
        } catch (RuntimeException e) {
            detectors.forEach(Detector::close);
            throw e;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(settings.slotsPerDevice(), r -> {
            Thread t = new Thread(r, "vigil-detect-" + device + "-" + id + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BatchClock clock = BatchClock.system("vigil-batch-timer-" + device + "-" + id);
        Runnable onClose = () -> {
            clock.close();
            threads.shutdown();
            try {
                threads.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads.shutdownNow();
            detectors.forEach(Detector::close);
        };
        return new DeviceBatcher(device.toString(), settings, detectors, clock, threads, onClose);
    }
}
