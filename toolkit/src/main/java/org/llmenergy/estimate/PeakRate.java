package org.llmenergy.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;

/**
 * The two constants of the "theoretical" baseline: a board power (TDP) and a peak FLOP/s, with the flags a
 * reader must see. Choosing a 2:4-sparsity peak is always flagged, with the dense figure beside it.
 *
 * @param gpu            catalog name of the GPU
 * @param tdpWatts       power assumed drawn, in watts
 * @param flopsPerSecond peak assumed delivered, in FLOP/s
 * @param sparsity       which tensor-core peak {@code flopsPerSecond} is
 * @param flags          caveats to print next to any number computed from this rate
 * @param source         where the constants come from
 */
public record PeakRate(String gpu, double tdpWatts, double flopsPerSecond, Sparsity sparsity, List<String> flags,
                       String source) {

    public PeakRate {
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(sparsity, "sparsity");
        if (!(tdpWatts > 0) || !(flopsPerSecond > 0)) {
            throw new IllegalArgumentException("TDP and peak FLOP/s must be positive, got " + tdpWatts + " W, " + flopsPerSecond);
        }
        flags = List.copyOf(flags);
    }

    /**
     * @param gpu      a catalog entry
     * @param sparsity which bf16 peak to use
     * @return the rate at the GPU's TDP and chosen bf16 peak; flagged when sparse or unofficial
     */
    public static PeakRate of(GpuSpec gpu, Sparsity sparsity) {
        List<String> flags = new ArrayList<>();
        double peak = gpu.bf16PeakFlopsPerSecond(sparsity); // refuses a sparse peak the datasheet does not give
        if (sparsity == Sparsity.SPARSE_2_4) {
            double sparseTflops = peak / 1e12;
            flags.add(String.format(Locale.ROOT,
                    "peak %.1f TFLOP/s is the 2:4 structured-SPARSITY bf16 figure of the %s; the dense bf16 peak is"
                            + " %.1f TFLOP/s, with which the theoretical energy would be %.2fx larger",
                    sparseTflops, gpu.name(), gpu.bf16DenseTflops(), sparseTflops / gpu.bf16DenseTflops()));
        }
        if (gpu.unofficial()) flags.add(gpu.name() + ": no official datasheet figures; the catalog's peaks are estimates");
        return new PeakRate(gpu.name(), gpu.tdpWatts(), peak, sparsity, flags, gpu.primarySource());
    }

    /**
     * The constants of Fernandez et al. (ACL 2025, footnote 5): RTX A6000, TDP 300 W, FLOPS_HW = 309.7 TFLOP/s.
     * That is the datasheet's sparse tensor figure, and the rate is flagged accordingly.
     *
     * @return the paper's rate
     */
    public static PeakRate paperA6000() {
        PeakRate r = of(GpuCatalog.builtIn().get("RTX-A6000"), Sparsity.SPARSE_2_4);
        return new PeakRate(r.gpu, r.tdpWatts, r.flopsPerSecond, r.sparsity, r.flags,
                "Fernandez et al., ACL 2025, footnote 5 (300 W, 309.7 TFLOPS); " + r.source);
    }

    /** @return TDP / peak, in joules per FLOP */
    public double joulesPerFlop() { return tdpWatts / flopsPerSecond; }

    /** @return a one-line label, for example {@code "RTX-A6000 300 W / 309.7 TFLOP/s (sparse)"} */
    public String label() {
        return String.format(Locale.ROOT, "%s %.0f W / %.1f TFLOP/s (%s)", gpu, tdpWatts, flopsPerSecond / 1e12,
                sparsity == Sparsity.DENSE ? "dense" : "sparse");
    }
}
