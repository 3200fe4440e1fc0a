package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The histogram's statistics equal those computed from the sorted list of all values. */
class LengthDistributionTest {
    /** numpy's 'linear' percentile on a sorted array, written out independently. */
    private static double sortedPercentile(int[] sorted, double q) {
        double h = (q / 100.0) * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    @Test
    void statisticsMatchASortedArray() {
        Random r = new Random(42);
        for (int n : new int[] {1, 2, 3, 10, 101, 5000}) {
            int[] values = new int[n];
            LengthHistogram h = new LengthHistogram();
            for (int i = 0; i < n; i++) {
                // Log-normal-ish lengths, some beyond the dense array (2^20) and beyond its initial size.
                values[i] = r.nextInt(10) == 0 ? 1_000_000 + r.nextInt(2_000_000) : (int) Math.exp(r.nextDouble() * 10);
                h.add(values[i]);
            }
            LengthDistribution d = h.toDistribution();
            int[] sorted = values.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(values).asDoubleStream().sum() / n;
            double ss = 0;
            for (int v : values) ss += (v - mean) * (v - mean);
            assertEquals(n, d.count());
            assertEquals(mean, d.mean(), 1e-9 * Math.max(1, mean));
            if (n > 1) assertEquals(Math.sqrt(ss / (n - 1)), d.sampleStd(), 1e-9 * Math.sqrt(ss));
            else assertTrue(Double.isNaN(d.sampleStd()), "sample std of one value is undefined");
            for (double q : new double[] {0, 1, 25, 50, 90, 99, 99.9, 100}) {
                assertEquals(sortedPercentile(sorted, q), d.percentile(q), 1e-9, "n=" + n + " q=" + q);
            }
            for (int k = 0; k < n; k += Math.max(1, n / 50)) assertEquals(sorted[k], d.orderStatistic(k));
            assertEquals(sorted[0], d.min());
            assertEquals(sorted[n - 1], d.max());
            int probe = sorted[n / 2];
            assertEquals(Arrays.stream(sorted).filter(v -> v <= probe).count(), d.countAtMost(probe));
            assertEquals(1.0, d.cdf().get(d.cdf().size() - 1).fraction());
        }
    }

    @Test
    void knownSmallCases() {
        LengthDistribution d = LengthDistribution.of(1, 2, 3, 4);
        assertEquals(2.5, d.quantile(0.5));
        assertEquals(3.97, d.percentile(99), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), d.sampleStd(), 1e-12);
        LengthStats s = LengthDistribution.of(7, 7, 7).stats();
        assertEquals(new LengthStats(3, 7, 0, 7, 7, 7, 7), s);
    }

    @Test
    void emptyHasNoStatistics() {
        LengthDistribution d = new LengthHistogram().toDistribution();
        assertTrue(d.isEmpty());
        assertThrows(IllegalStateException.class, d::stats);
        assertThrows(IllegalArgumentException.class, () -> new LengthHistogram().add(-1));
    }

    @Test
    void addAllMergesCounts() {
        LengthHistogram a = new LengthHistogram();
        LengthHistogram b = new LengthHistogram();
        a.add(5);
        b.add(5);
        b.add(40_000);
        b.add(3_000_000);
        a.addAll(b);
        LengthDistribution d = a.toDistribution();
        assertEquals(4, d.count());
        assertEquals(2, d.countAtMost(5));
        assertEquals(3_000_000, d.max());
    }
}
