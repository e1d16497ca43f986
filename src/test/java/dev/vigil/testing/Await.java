package dev.vigil.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes, so that tests wait for what they need instead of
 * sleeping for a guessed time. A condition that throws ends the wait with that exception; a caller for whom
 * an exception only means "not yet" catches it inside the condition.
 */
public final class Await {

    /** A condition to poll; it may throw. */
    @FunctionalInterface
    public interface Check<E extends Exception> {
        boolean ok() throws E;
    }

    private Await() {}

    /** {@link #until(String, Duration, Duration, Check, Supplier)} without diagnostics. */
    public static <E extends Exception> void until(String what, Duration timeout, Duration poll, Check<E> condition)
            throws E {
        until(what, timeout, poll, condition, () -> "");
    }

    /**
     * Checks {@code condition} every {@code poll} until it holds; fails with {@code what} and the
     * {@code diagnostics} (e.g. a service's log tail) if it does not within {@code timeout}.
     */
    public static <E extends Exception> void until(
            String what, Duration timeout, Duration poll, Check<E> condition, Supplier<String> diagnostics) throws E {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.ok()) {
            if (System.nanoTime() - deadline > 0) {
                String details = diagnostics.get();
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + (details.isEmpty() ? "" : "; " + details));
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
