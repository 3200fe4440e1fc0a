package org.llmenergy.workload;

/**
 * One statistic compared with its published value.
 *
 * @param lengths   {@code input} or {@code output}
 * @param statistic {@code mean}, {@code std}, {@code median} or {@code p99}
 * @param expected  the published value, tokens
 * @param measured  the recomputed value, tokens
 * @param tolerance the largest accepted |measured − expected|, tokens (rounding of the printed value)
 */
public record StatComparison(String lengths, String statistic, double expected, double measured, double tolerance) {
    /** Absorbs binary floating-point error in values that sit exactly on a rounding boundary. */
    private static final double SLACK = 1e-9;

    /** @return measured − expected, tokens */
    public double difference() { return measured - expected; }

    /** @return true when |measured − expected| ≤ tolerance */
    public boolean withinTolerance() { return Math.abs(difference()) <= tolerance + SLACK; }
}
