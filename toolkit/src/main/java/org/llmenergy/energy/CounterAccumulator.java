package org.llmenergy.energy;

/**
 * Turns successive raw readings of one cumulative counter into joules since the first reading, through
 * wraparound and resets. Called often enough (every sampling tick) that at most one wrap happens between
 * two readings: RAPL's package counter wraps after max_energy_range_uj, about 262 kJ, which takes
 * minutes even at several hundred watts.
 */
final class CounterAccumulator {
    /** Time a counter may lag behind real energy (NVML updates every ~0.1 s), added to every plausibility window. */
    private static final double SLACK_S = 1.0;

    private final long wrapModulus;
    private final double joulesPerUnit;
    private final double maxPlausibleWatts;
    private boolean seen;
    private long lastRaw;
    private long lastNanos;
    private double totalJ;
    private int resets;

    CounterAccumulator(long wrapModulus, double joulesPerUnit, double maxPlausibleWatts) {
        this.wrapModulus = wrapModulus;
        this.joulesPerUnit = joulesPerUnit;
        this.maxPlausibleWatts = maxPlausibleWatts;
    }

    /**
     * @param raw   the counter's raw value
     * @param nanos monotonic time of the reading
     * @return joules accumulated since the first reading
     */
    double update(long raw, long nanos) {
        if (!seen) {
            seen = true;
        } else {
            long delta = unitsSince(raw);
            double maxUnits = maxPlausibleWatts * ((nanos - lastNanos) / 1e9 + SLACK_S) / joulesPerUnit;
            if (delta < 0 || (double) delta > maxUnits) {
                // A jump no device can draw: the counter restarted (driver reload, NVML re-init). The energy
                // between the two readings is unknown; windows spanning this reading see the reset count change.
                resets++;
            } else {
                totalJ += delta * joulesPerUnit;
            }
        }
        lastRaw = raw;
        lastNanos = nanos;
        return totalJ;
    }

    /** Units since the last reading, or -1 for an impossible (backward) step. */
    private long unitsSince(long raw) {
        if (wrapModulus == 0) {
            long delta = raw - lastRaw; // modulo 2^64: a 64-bit counter that wrapped once comes out right
            return delta < 0 ? Long.MAX_VALUE : delta; // above 2^63 units is never plausible
        }
        if (raw >= lastRaw) return raw - lastRaw;
        if (wrapModulus < 0) return -1;
        // Wrapped once at max_energy_range_uj, as Zeus's RAPL wraparound tracker assumes
        // (ml-energy/zeus zeus/device/cpu/rapl.py: (max - start) + end).
        return (wrapModulus - lastRaw) + raw;
    }

    /** @return how many resets were seen so far */
    int resets() { return resets; }
}
