package dev.vigil.sinks.elasticsearch;

import java.time.Duration;

/** Exponential backoff between retries: doubles from the initial wait up to the cap, and stays there. */
final class Backoff {

    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.nextMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** Waits before the next attempt; the caller's thread is interruptible throughout (job cancellation). */
    void pause() throws InterruptedException {
        Thread.sleep(nextMillis);
        nextMillis = Math.min(maxMillis, nextMillis * 2);
    }

    /** The wait the next {@link #pause()} will take, in milliseconds. */
    long nextMillis() {
        return nextMillis;
    }
}
