package org.llmenergy.serving;

/**
 * Median, 90th and 99th percentile of a latency, in seconds (NaN when nothing was counted).
 *
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 */
public record Percentiles(double p50, double p90, double p99) {
    static Percentiles of(LatencyHistogram h) { return new Percentiles(h.quantile(0.5), h.quantile(0.9), h.quantile(0.99)); }
}
