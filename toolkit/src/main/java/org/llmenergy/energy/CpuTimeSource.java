package org.llmenergy.energy;

/** Cumulative CPU time of some set of processes: what the CPU-time estimate multiplies by watts. */
interface CpuTimeSource {
    /** @return CPU time consumed so far, in nanoseconds, never decreasing */
    long cpuNanos();

    /** @return whose CPU time this is, in words */
    String describe();

    /** @return the clock's resolution in seconds (one tick), NaN when finer than a millisecond */
    double resolutionS();
}
