package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llmenergy.model.FlopsModel;
import org.llmenergy.model.RequestFlops;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

/**
 * The "theoretical" baseline of Fernandez et al. (ACL 2025, section 4.2):
 * <pre>  E_opt = TDP / FLOPS_HW x sum over bins N(I*, O*) x FLOPs(I*, O*)</pre>
 * It assumes perfect utilisation at maximum power and has no batching term. FLOPs come from a
 * {@link FlopsModel} (the paper used the DeepSpeed profiler; see that class for the differences).
 */
public final class TheoreticalEstimator {
    private final FlopsModel flops;
    private final PeakRate peak;

    /**
     * @param flops the FLOPs model (architecture and counting options)
     * @param peak  TDP and peak FLOP/s
     */
    public TheoreticalEstimator(FlopsModel flops, PeakRate peak) {
        this.flops = Objects.requireNonNull(flops, "flops");
        this.peak = Objects.requireNonNull(peak, "peak");
    }

    /**
     * @param input  prompt tokens
     * @param output generated tokens
     * @return the baseline of one request, FLOPs(I, O) x TDP / peak, in joules
     */
    public double joules(int input, int output) { return flops.request(input, output).total() * peak.joulesPerFlop(); }

    /** @return the constants of this baseline */
    public PeakRate peak() { return peak; }

    /** @return the FLOPs model */
    public FlopsModel flops() { return flops; }

    /**
     * @param workload bin counts
     * @return the baseline with its per-bin breakdown
     */
    public TheoreticalEstimate estimate(List<BinCount> workload) {
        List<BinCount> sorted = new ArrayList<>(workload);
        sorted.sort(Comparator.comparingInt(BinCount::inputBin).thenComparingInt(BinCount::outputBin));
        List<BinFlops> bins = new ArrayList<>();
        double total = 0;
        for (BinCount bc : sorted) {
            if (bc.requests() < 0) {
                throw new IllegalArgumentException("bin (" + bc.inputBin() + ", " + bc.outputBin() + ") has a negative request count");
            }
            if (bc.requests() == 0) continue;
            RequestFlops rf = flops.request(bc.inputBin(), bc.outputBin());
            double binFlops = rf.total() * bc.requests();
            total += binFlops;
            bins.add(new BinFlops(bc.inputBin(), bc.outputBin(), bc.requests(), rf, binFlops * peak.joulesPerFlop()));
        }
        var o = flops.options();
        Provenance p = Provenance.builder().setSource(Provenance.Source.MODEL).optReasons(peak.flags()).optDetails(
                Map.of("estimator", "theoretical: TDP / peak FLOP/s x sum N x FLOPs(I*, O*)",
                        "model", flops.config().name(),
                        "flops_options", "lm_head=" + o.prefillLmHead() + ", prefill_attention=" + o.prefillAttention()
                                + ", decode_attention=" + o.decodeAttention(),
                        "peak", peak.label(),
                        "constants_source", peak.source() == null ? "" : peak.source(),
                        "citation", "Fernandez et al., ACL 2025, section 4.2")).build();
        return new TheoreticalEstimate(total * peak.joulesPerFlop(), total, peak, bins, peak.flags(), p);
    }
}
