package org.llmenergy.serving;

/**
 * Percentiles of a latency in bounded memory: counts in logarithmic buckets 1 % wide from 10 µs to 10^8 s, so a
 * reported percentile is within 0.5 % of the exact one (values below 10 µs share the first bucket). Counts are
 * weighted, so inter-token latencies can be counted once per token.
 */
public final class LatencyHistogram {
    private static final double MIN_SECONDS = 1e-5;
    private static final double GROWTH = 1.01;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    private static final int BUCKETS = (int) Math.ceil(Math.log(1e8 / MIN_SECONDS) / LOG_GROWTH) + 1;

    private final long[] counts = new long[BUCKETS];
    private long total;

    /**
     * @param seconds a latency, in seconds (&ge; 0)
     * @param weight  how many observations it stands for (&ge; 0)
     */
    public void add(double seconds, long weight) {
        if (!(seconds >= 0)) throw new IllegalArgumentException("latency must be >= 0 s, got " + seconds);
        if (weight <= 0) return;
        int i = seconds <= MIN_SECONDS ? 0 : Math.min(BUCKETS - 1, 1 + (int) (Math.log(seconds / MIN_SECONDS) / LOG_GROWTH));
        counts[i] += weight;
        total += weight;
    }

    /** @return observations counted (weights summed) */
    public long count() { return total; }

    /**
     * @param fraction between 0 and 1 (0.5 for the median)
     * @return the nearest-rank quantile, the geometric middle of its bucket, in seconds; NaN when empty
     */
    public double quantile(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("quantile must be in [0, 1], got " + fraction);
        if (total == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return i == 0 ? MIN_SECONDS : MIN_SECONDS * Math.pow(GROWTH, i - 0.5);
        }
        throw new AssertionError("rank beyond the counted total");
    }
}
