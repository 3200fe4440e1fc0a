package org.llmenergy.units;

import java.util.Locale;

/**
 * An estimated quantity with its two-sided interval, {@code low <= value <= high}, at {@link #LEVEL} coverage
 * (90 %) unless its producer says otherwise. The unit is the caller's (joules, watts, seconds); the toolkit's
 * JSON writes it as {@code {"value", "low", "high"}}.
 *
 * @param value the point estimate
 * @param low   the interval's lower end
 * @param high  the interval's upper end
 */
public record Interval(double value, double low, double high) {
    /** The nominal coverage of the toolkit's estimate intervals. */
    public static final double LEVEL = 0.90;

    public Interval {
        if (Double.isNaN(value) || Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("interval has NaN: " + value + " [" + low + ", " + high + "]");
        }
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("interval must satisfy low <= value <= high, got " + value + " [" + low + ", " + high + "]");
        }
    }

    /** @return a degenerate interval, for exactly known quantities */
    public static Interval exact(double value) { return new Interval(value, value, value); }

    /** @return this interval scaled by a non-negative factor (unit conversions, per-request divisions) */
    public Interval times(double factor) {
        if (!(factor >= 0)) throw new IllegalArgumentException("factor must be >= 0, got " + factor);
        return new Interval(value * factor, low * factor, high * factor);
    }

    /**
     * Sum of intervals whose errors move together (the same model's systematic error), so ends add.
     *
     * @return the element-wise sum
     */
    public Interval plus(Interval o) { return new Interval(value + o.value, low + o.low, high + o.high); }

    /** @return true when {@code x} lies in [low, high] */
    public boolean contains(double x) { return x >= low && x <= high; }

    @Override
    public String toString() { return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", value, low, high); }
}
