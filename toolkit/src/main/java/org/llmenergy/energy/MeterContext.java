package org.llmenergy.energy;

import java.util.List;
import java.util.Map;

/**
 * What the measurement assembler needs to know about the meter at the moment a window ended: a snapshot,
 * so assembly can run outside the meter's lock.
 *
 * @param lostAtNanos monotonic time each channel was found lost, 0 when it was not
 */
record MeterContext(MeterKind kind, String driver, List<Channel> channels, double samplingIntervalS,
                    double disagreementThreshold, Map<String, String> details, List<String> caveats,
                    MeterChoice choice, long anchorNanos, double anchorEpochS, double[] periodS,
                    boolean[] periodLowerBound, long[] lostAtNanos, String[] lostReason, String[] lastError,
                    IdleBaseline baseline) {

    /** @return seconds since the Unix epoch of a monotonic time */
    double epochS(long nanos) { return anchorEpochS + (nanos - anchorNanos) / 1e9; }
}
