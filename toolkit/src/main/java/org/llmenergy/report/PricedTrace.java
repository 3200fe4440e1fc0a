package org.llmenergy.report;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.llmenergy.estimate.Comparisons;
import org.llmenergy.estimate.WorkloadPrice;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Interval;

/**
 * A whole trace priced under one serving setting, beside its FLOPs x TDP / peak baseline over the same requests:
 * the paper's whole-trace analysis (Figure 1, Table 4) redone with an energy model.
 *
 * @param trace            the trace, for example {@code "azure-conv-2023"}
 * @param table4Dataset    the Table 4 row it corresponds to, or null
 * @param gpu              the GPU's catalog name
 * @param configuration    what was priced, for example {@code "calibrated: llama-3.1-8b, vLLM, continuous 256"}
 * @param price            the price, with the baseline computed ({@code theoreticalJoules} present)
 * @param theoreticalBasis the baseline's constants, for example {@code "FLOPs of llama-3.1-8b x 700 W / 989 TFLOP/s (dense)"}
 */
public record PricedTrace(String trace, String table4Dataset, String gpu, String configuration, WorkloadPrice price,
                          String theoreticalBasis) {
    public PricedTrace {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(theoreticalBasis, "theoreticalBasis");
        if (price.total().isEmpty()) throw new IllegalArgumentException(trace + " on " + gpu + ": no request was priced");
        if (price.theoreticalJoules().isEmpty()) throw new IllegalArgumentException(trace + " on " + gpu + ": priced without its baseline");
    }

    /** @return the energy of the priced requests with its 90 % interval, in joules */
    public Interval joules() { return price.total().orElseThrow(); }

    /** @return the baseline over the same requests, in joules */
    public double theoreticalJoules() { return price.theoreticalJoules().getAsDouble(); }

    /** @return percent above the baseline, with the interval's ends carried through (Table 4's %Δ) */
    public Interval percentAboveTheoretical() {
        Interval e = joules();
        double t = theoreticalJoules();
        return new Interval(Comparisons.percentAbove(e.value(), t), Comparisons.percentAbove(e.low(), t),
                Comparisons.percentAbove(e.high(), t));
    }

    /** @return the same as Figure 1's totals (point estimate), named GPU first, with exclusions and flags in the note */
    public TraceTotals totals() {
        String excluded = price.excludedRequests() == 0 ? "" : String.format(Locale.ROOT, "PARTIAL: %,d requests not priced (%s); ",
                price.excludedRequests(), price.exclusions().stream().map(x -> x.reason()).collect(Collectors.joining("; ")));
        String flags = price.flags().stream().map(f -> f.flag().toString()).distinct().collect(Collectors.joining("; "));
        return new TraceTotals(trace, gpu + ", " + configuration, Energy.toKwh(joules().value()),
                Energy.toKwh(theoreticalJoules()), Labels.MODEL_SOURCE, theoreticalBasis,
                (excluded + String.format(Locale.ROOT, "90 %% interval %.4g-%.4g kWh", Energy.toKwh(joules().low()),
                        Energy.toKwh(joules().high())) + (flags.isEmpty() ? "" : "; " + flags)).strip());
    }
}
