package dev.vigil.sources.rtsp;

import java.io.Serializable;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a camera again after it failed: exponential backoff from {@code initialDelay}, doubling
 * per failed attempt up to {@code maxDelay}, each delay spread by +/- {@code jitter} so that cameras
 * behind one switch that went down together do not all come back in the same instant.
 *
 * @param maxAttempts failed attempts in a row after which the camera is given up; 0 = never
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, double jitter)
        implements Serializable {

    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 0, 0.2);

    public ReconnectPolicy {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initial reconnect delay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "max reconnect delay " + maxDelay + " is below the initial delay " + initialDelay);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("max reconnect attempts must be >= 0 (0 = no limit), was " + maxAttempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
    }

    /**
     * The wait before attempt {@code failures + 1}, after {@code failures} (>= 1) failed attempts in a
     * row; {@code random} gives numbers in [0, 1).
     */
    public long delayMillis(int failures, DoubleSupplier random) {
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 40);
        long base = initial << doublings;
        if (base <= 0 || base > max || (doublings > 0 && base >> doublings != initial)) {
            base = max;
        }
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Math.max(1, Math.min(max, Math.round(base * spread)));
    }

    /** Whether a camera that has failed {@code failures} times in a row is to be given up. */
    public boolean givesUpAfter(int failures) {
        return maxAttempts > 0 && failures >= maxAttempts;
    }
}
