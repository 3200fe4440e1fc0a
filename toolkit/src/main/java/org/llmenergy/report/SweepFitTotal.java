package org.llmenergy.report;

import java.util.Objects;
import org.llmenergy.estimate.WorkloadPrice;

/**
 * A trace's bins priced by the energy model fitted to our sweep: a row of our whole-trace energy.
 *
 * @param trace            the trace
 * @param price            the price of its bins (N x the per-request energy at each bin's edges)
 * @param bins             non-empty bins priced
 * @param extrapolatedBins bins beyond the swept lengths or batch sizes
 */
public record SweepFitTotal(String trace, WorkloadPrice price, int bins, long extrapolatedBins) {
    public SweepFitTotal {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(price, "price");
        if (price.total().isEmpty()) throw new IllegalArgumentException(trace + ": no bin was priced");
    }
}
