package org.llmenergy.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact distribution of a set of token lengths: each distinct length and how many requests have it.
 * Immutable; built by {@link LengthHistogram}. Every statistic is computed from the counts, exactly as from
 * the sorted list of all lengths (see {@link LengthStats} for the percentile definition).
 */
public final class LengthDistribution {
    private final int[] values;
    private final long[] counts;
    private final long[] cumulative;
    private final long total;

    LengthDistribution(int[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.cumulative = new long[counts.length];
        long run = 0;
        for (int i = 0; i < counts.length; i++) {
            run += counts[i];
            cumulative[i] = run;
        }
        this.total = run;
    }

    /** @return a distribution of the given lengths (for small inputs and tests) */
    public static LengthDistribution of(int... lengths) {
        LengthHistogram h = new LengthHistogram();
        for (int v : lengths) h.add(v);
        return h.toDistribution();
    }

    /** @return the number of lengths counted */
    public long count() { return total; }

    /** @return true when nothing was counted */
    public boolean isEmpty() { return total == 0; }

    /** @return the distinct lengths, ascending (a copy) */
    public int[] values() { return values.clone(); }

    /** @return how many requests have each of {@link #values()} (a copy) */
    public long[] counts() { return counts.clone(); }

    /** @return the shortest length, tokens */
    public int min() { return values[requireData("min", 0)]; }

    /** @return the longest length, tokens */
    public int max() { return values[requireData("max", values.length - 1)]; }

    /** @return the sum of all lengths, tokens */
    public long sum() {
        long s = 0;
        for (int i = 0; i < values.length; i++) s += values[i] * counts[i];
        return s;
    }

    /** @return the mean length, tokens; NaN when empty */
    public double mean() { return total == 0 ? Double.NaN : (double) sum() / total; }

    /**
     * @return the SAMPLE standard deviation (divisor n−1), tokens, computed in two passes over the distinct
     *         values for accuracy; NaN when fewer than two lengths were counted
     */
    public double sampleStd() {
        if (total < 2) return Double.NaN;
        double mean = mean();
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - mean;
            ss += d * d * counts[i];
        }
        return Math.sqrt(ss / (total - 1));
    }

    /**
     * @param k a 0-based rank, 0 ≤ k &lt; count
     * @return the k-th smallest length (the value at index k of the sorted list)
     */
    public int orderStatistic(long k) {
        if (k < 0 || k >= total) throw new IndexOutOfBoundsException("rank " + k + " outside 0.." + (total - 1));
        int i = Arrays.binarySearch(cumulative, k + 1);
        if (i < 0) i = -i - 1;
        return values[i];
    }

    /**
     * @param p a fraction in [0, 1]
     * @return the p-quantile by linear interpolation (numpy's default): h = p·(n−1), x⌊h⌋ + (h−⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)
     * @throws IllegalStateException when empty
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("quantile fraction must be in [0, 1]: " + p);
        requireData("a quantile", 0);
        double h = p * (total - 1);
        long lo = (long) Math.floor(h);
        double frac = h - lo;
        int a = orderStatistic(lo);
        if (frac == 0) return a;
        int b = orderStatistic(Math.min(lo + 1, total - 1));
        return a + frac * (b - a);
    }

    /** @return {@link #quantile(double)} of {@code percent}/100 */
    public double percentile(double percent) { return quantile(percent / 100.0); }

    /** @return the number of lengths ≤ {@code tokens} */
    public long countAtMost(int tokens) {
        int i = Arrays.binarySearch(values, tokens);
        int last = i >= 0 ? i : -i - 2;
        return last < 0 ? 0 : cumulative[last];
    }

    /** @return the empirical CDF: one point per distinct length, fraction of lengths ≤ it */
    public List<CdfPoint> cdf() {
        List<CdfPoint> out = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) out.add(new CdfPoint(values[i], (double) cumulative[i] / total));
        return out;
    }

    /**
     * @return count, mean, sample std, median, 99th percentile, min and max
     * @throws IllegalStateException when empty (no statistic is defined)
     */
    public LengthStats stats() {
        requireData("statistics", 0);
        return new LengthStats(total, mean(), sampleStd(), quantile(0.5), quantile(0.99), min(), max());
    }

    private int requireData(String what, int index) {
        if (total == 0) throw new IllegalStateException("no lengths counted, so " + what + " is undefined");
        return index;
    }
}
