package org.llmenergy.energy;

import java.util.Arrays;

/**
 * Estimates how often a counter updates. The backend's probe at open gives the first estimate; when the
 * probe saw too few updates it is only a lower bound, and the gaps between updates seen in later readings
 * refine it (then the reads are more frequent than the updates, so the gaps are the period).
 */
final class CounterPeriodTracker {
    private static final int KEEP = 15;

    private final double probedS;
    private final boolean lowerBound;
    private final long[] gaps = new long[KEEP];
    private int gapCount;
    private int next;
    private boolean seen;
    private long lastRaw;
    private long lastChangeNanos = Long.MIN_VALUE;

    CounterPeriodTracker(double probedS, boolean lowerBound) {
        this.probedS = probedS;
        this.lowerBound = lowerBound;
    }

    void observe(long raw, long nanos) {
        if (!seen) {
            seen = true;
            lastRaw = raw;
            return;
        }
        if (raw == lastRaw) return;
        lastRaw = raw;
        if (lastChangeNanos != Long.MIN_VALUE) {
            gaps[next] = nanos - lastChangeNanos;
            next = (next + 1) % KEEP;
            gapCount = Math.min(gapCount + 1, KEEP);
        }
        lastChangeNanos = nanos;
    }

    /** @return the update period in seconds, NaN when unknown */
    double periodS() {
        if (!lowerBound || gapCount < 2) return probedS;
        long[] g = Arrays.copyOf(gaps, gapCount);
        Arrays.sort(g);
        double median = g[gapCount / 2] / 1e9;
        return Double.isNaN(probedS) ? median : Math.max(probedS, median);
    }

    /** @return true when {@link #periodS()} is only a lower bound */
    boolean isLowerBound() { return lowerBound && gapCount < 2; }
}
