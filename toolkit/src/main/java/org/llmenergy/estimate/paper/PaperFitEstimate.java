package org.llmenergy.estimate.paper;

import java.util.List;
import java.util.OptionalDouble;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.TheoreticalEstimate;
import org.llmenergy.estimate.WorkloadEstimate;

/**
 * A workload's energy under the paper's Figure 2 setting, beside its theoretical baseline.
 *
 * @param workload    the binned estimate from the fitted per-bin energies (provenance {@code model})
 * @param theoretical the FLOPs/TDP baseline over the same bins
 * @param batchPolicy how batch sizes were chosen
 * @param flags       caveats: extrapolations of the fit, the sparse peak, partial coverage
 */
public record PaperFitEstimate(WorkloadEstimate workload, TheoreticalEstimate theoretical, String batchPolicy,
                               List<String> flags) {
    public PaperFitEstimate {
        flags = List.copyOf(flags);
    }

    /** @return percent above theoretical, Table 4's %Δ; empty when some bins have no energy (see flags) */
    public OptionalDouble percentAboveTheoretical() {
        return workload.totalJoules().isPresent()
                ? OptionalDouble.of(Comparisons.percentAbove(workload.totalJoules().getAsDouble(), theoretical.joules()))
                : OptionalDouble.empty();
    }
}
