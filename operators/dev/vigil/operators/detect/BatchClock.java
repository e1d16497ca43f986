package dev.vigil.operators.detect;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Time for a {@link DeviceBatcher}: what time it is and how to run something later. */
interface BatchClock extends AutoCloseable {

    long nanoTime();

    /** Runs {@code task} once {@code delayNanos} have passed; the returned handle cancels it. */
    Runnable schedule(Runnable task, long delayNanos);

    @Override
    void close();

    /** Wall-clock time on a single daemon timer thread. */
    static BatchClock system(String threadName) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        return new BatchClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Runnable schedule(Runnable task, long delayNanos) {
                ScheduledFuture<?> f = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
