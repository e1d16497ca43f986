package dev.vigil.operators.detect;

import java.util.ArrayList;
import java.util.List;

/** A {@link BatchClock} that moves only when the test says, running due timers as it goes. */
final class ManualClock implements BatchClock {

    private record Timer(long dueNanos, Runnable task, boolean[] cancelled) {}

    private long now;
    private final List<Timer> timers = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        timers.add(new Timer(now + delayNanos, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward by {@code millis}, running every timer that falls due. */
    void advanceMillis(long millis) {
        long target;
        synchronized (this) {
            target = now + millis * 1_000_000;
        }
        while (true) {
            Timer next = null;
            synchronized (this) {
                for (Timer t : timers) {
                    if (!t.cancelled()[0] && t.dueNanos() <= target && (next == null || t.dueNanos() < next.dueNanos())) {
                        next = t;
                    }
                }
                if (next == null) {
                    now = target;
                    timers.removeIf(t -> t.cancelled()[0]);
                    return;
                }
                timers.remove(next);
                now = Math.max(now, next.dueNanos());
            }
            next.task().run();
        }
    }

    @Override
    public void close() {}
}
