package org.llmenergy.report;

import java.util.Locale;
import java.util.Objects;
import org.llmenergy.estimate.BinEstimate;
import org.llmenergy.estimate.BinFlops;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.TheoreticalEstimate;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.estimate.paper.PaperFitEstimate;
import org.llmenergy.units.Energy;

/**
 * One whole-trace energy beside its FLOPs/TDP baseline: the input of Figure 1 and of the "% above theoretical"
 * table (Table 4's quantity) for ours.
 *
 * @param trace            the trace, for example {@code "azure-conv-2023"}
 * @param configuration    what the energy describes, for example {@code "tiny-15m on cpu (djl)"}
 * @param estimateKwh      the binned estimate, kWh for the whole trace
 * @param theoreticalKwh   the FLOPs x TDP / peak baseline over the same bins, kWh
 * @param provenance       provenance label of the per-bin energies behind the estimate
 * @param theoreticalBasis the baseline's model and constants, for example {@code "tiny-15m, 300 W / 309.7 TFLOP/s (sparse)"}
 * @param note             caveats (partial coverage, extrapolation), or empty
 */
public record TraceTotals(String trace, String configuration, double estimateKwh, double theoreticalKwh, String provenance,
                          String theoreticalBasis, String note) {
    public TraceTotals {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(theoreticalBasis, "theoreticalBasis");
        Objects.requireNonNull(note, "note");
        if (!(estimateKwh > 0) || !(theoreticalKwh > 0) || Double.isInfinite(estimateKwh) || Double.isInfinite(theoreticalKwh)) {
            throw new IllegalArgumentException("trace totals for '" + trace + "' / '" + configuration + "' must be positive and finite, got "
                    + estimateKwh + " and " + theoreticalKwh + " kWh");
        }
    }

    /**
     * A binned estimate beside its baseline. When some bins have no energy, both totals cover only the bins that
     * do, and the note says so: a partial total is never passed off as the whole trace.
     *
     * @param trace         the trace
     * @param configuration what the estimate describes
     * @param estimate      the binned estimate
     * @param theoretical   the baseline over the same workload
     * @param provenance    provenance label of the per-bin energies
     * @return the totals
     */
    public static TraceTotals of(String trace, String configuration, WorkloadEstimate estimate, TheoreticalEstimate theoretical,
                                 String provenance) {
        double theory = 0;
        for (BinEstimate b : estimate.bins()) {
            if (!b.covered()) continue;
            for (BinFlops f : theoretical.bins()) {
                if (f.inputBin() == b.inputBin() && f.outputBin() == b.outputBin()) theory += f.joules();
            }
        }
        String note = estimate.partial()
                ? String.format(Locale.ROOT, "PARTIAL: covered bins only (%d of %d requests); %s", estimate.totalRequests()
                        - estimate.missingRequests(), estimate.totalRequests(), estimate.describe())
                : "";
        return new TraceTotals(trace, configuration, Energy.toKwh(estimate.coveredJoules()), Energy.toKwh(theory), provenance,
                "FLOPs of " + theoretical.provenance().details().getOrDefault("model", "?") + " x " + theoretical.peak().label(), note);
    }

    /**
     * The paper's A6000/vLLM setting applied to a trace through the Figure 2 fit.
     *
     * @param trace the trace
     * @param fit   the estimate of {@code PaperFitEstimator}
     * @return the totals, provenance {@code model}
     */
    public static TraceTotals paperFit(String trace, PaperFitEstimate fit) {
        TraceTotals t = of(trace, "Figure 2 fit (A6000, vLLM)", fit.workload(), fit.theoretical(),
                Labels.MODEL_SOURCE);
        String flags = String.join("; ", fit.flags());
        return new TraceTotals(t.trace, t.configuration, t.estimateKwh, t.theoreticalKwh, t.provenance, t.theoreticalBasis,
                (t.note.isEmpty() ? "" : t.note + "; ") + "batch sizes: " + fit.batchPolicy() + (flags.isEmpty() ? "" : "; " + flags));
    }

    /** @return the estimate's percent above its baseline, Table 4's %Δ */
    public double percentAboveTheoretical() { return Comparisons.percentAbove(estimateKwh, theoreticalKwh); }
}
