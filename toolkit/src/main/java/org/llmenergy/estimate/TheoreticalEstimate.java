package org.llmenergy.estimate;

import java.util.List;
import org.llmenergy.units.Provenance;

/**
 * The paper's idealised baseline for a workload: every FLOP at the board's peak rate while drawing its TDP.
 *
 * @param joules     E_opt = TDP / peak x sum N x FLOPs(I*, O*), in joules
 * @param flops      sum N x FLOPs(I*, O*)
 * @param peak       the constants used
 * @param bins       the per-bin breakdown
 * @param flags      caveats (the sparse-peak flag among them) to show with the number
 * @param provenance {@code model}, with the FLOPs options and constants in its details
 */
public record TheoreticalEstimate(double joules, double flops, PeakRate peak, List<BinFlops> bins, List<String> flags,
                                  Provenance provenance) {
    public TheoreticalEstimate {
        bins = List.copyOf(bins);
        flags = List.copyOf(flags);
    }
}
