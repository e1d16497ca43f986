package dev.vigil.job.report;

import java.util.ArrayList;
import java.util.List;

/** One axis of a chart: its range, its ticks at round values, and how a tick is written. */
final class Axis {

    private static final long[] TIME_STEPS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
        120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};

    private final double min;
    private final double max;
    private final double step;
    private final boolean time;

    private Axis(double min, double max, double step, boolean time) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.time = time;
    }

    /**
     * A value axis over {@code [low, high]}, widened to whole steps of 1, 2 or 5 times a power of ten;
     * {@code integers} keeps steps whole (counts).
     */
    static Axis values(double low, double high, boolean integers) {
        if (!(high > low)) {
            high = low + 1;
        }
        double raw = (high - low) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power
                : 10 * power;
        if (integers) {
            step = Math.max(1, Math.round(step));
        }
        return new Axis(Math.floor(low / step) * step, Math.ceil(high / step) * step, step, false);
    }

    /** A time axis over {@code [from, to]} event-time milliseconds, ticks at round times. */
    static Axis time(double from, double to) {
        if (!(to > from)) {
            to = from + 1_000;
        }
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long candidate : TIME_STEPS) {
            if ((to - from) / candidate <= 8) {
                step = candidate;
                break;
            }
        }
        return new Axis(from, to, step, true);
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    String label(double value) {
        if (time) {
            return TimeLabels.format(value, step < 1_000);
        }
        return Markup.num(Math.abs(value) < step * 1e-9 ? 0 : value);
    }

    /** Where {@code value} lies between the pixel positions {@code from} (at min) and {@code to} (at max). */
    double at(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }
}
