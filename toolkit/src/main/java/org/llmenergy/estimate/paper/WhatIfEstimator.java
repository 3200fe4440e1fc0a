package org.llmenergy.estimate.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.llmenergy.estimate.BatchCounting;
import org.llmenergy.estimate.BatchEnergy;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.estimate.BinnedEstimator;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.LargestBatch;
import org.llmenergy.model.MemoryAssumptions;
import org.llmenergy.model.MemoryModel;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Provenance;
import org.llmenergy.workload.BinCount;

/**
 * What-if answers for Llama-3.1-8B under vLLM, from the {@link Figure2Fit} of the paper's RTX A6000 measurements.
 *
 * <h2>Error band</h2>
 * One sigma in log space, {@code sqrt(s_fit^2 + s_dig^2)}: {@code s_fit} is the fit's RMS ln residual of each phase
 * weighted by that phase's share of the energy (the residuals of one curve are correlated, so they are not
 * reduced by the number of bins), and {@code s_dig = ln 1.15} stands for the ±10–20% digitisation error of
 * reading a log-scaled figure. It does not cover the unknowns of the paper's setup (driver, vLLM version).
 *
 * <h2>Other GPUs</h2>
 * For a GPU other than the RTX A6000 the fitted terms are rescaled as a roofline would: the arithmetic terms
 * ({@link Figure2Fit#computeBoundJoulesPerRequest}) by {@code (TDP / dense bf16 peak)} relative to the A6000's,
 * the memory terms ({@link Figure2Fit#memoryBoundJoulesPerRequest}) by {@code (TDP / bandwidth)}. This assumes
 * the other board reaches the same fractions of its peaks and TDP as the A6000 did. It is NOT validated, the
 * answer says so, and the band then covers the fit and digitisation only.
 */
public final class WhatIfEstimator {
    /** The digitisation error, in ln units (±15%, the middle of the digest's ±10–20%). */
    public static final double DIGITIZATION_LOG_ERROR = Math.log(1.15);

    private final Figure2Fit fit;
    private final GpuSpec reference;

    /** @param fit the Figure 2 model (fitted on the RTX A6000) */
    public WhatIfEstimator(Figure2Fit fit) {
        this.fit = Objects.requireNonNull(fit, "fit");
        this.reference = GpuCatalog.builtIn().get("RTX-A6000");
    }

    /**
     * @param workload bin counts of the trace
     * @param gpu      the GPU to serve it on (one device)
     * @param batches  the batch size per bin (fixed, or the largest that fits)
     * @return the estimate, its band, assumptions and flags
     */
    public WhatIfAnswer energy(List<BinCount> workload, GpuSpec gpu, BatchSizePolicy batches) {
        Objects.requireNonNull(gpu, "gpu");
        boolean transfer = !gpu.name().equals(reference.name());
        double computeScale = gpu.tdpWatts() / gpu.bf16PeakFlopsPerSecond(Sparsity.DENSE)
                / (reference.tdpWatts() / reference.bf16PeakFlopsPerSecond(Sparsity.DENSE));
        double memoryScale = gpu.tdpWatts() / gpu.bandwidthBytesPerSecond()
                / (reference.tdpWatts() / reference.bandwidthBytesPerSecond());
        MemoryModel memory = new MemoryModel(Presets.get("llama-3.1-8b"), MemoryAssumptions.vllmBf16());

        List<BatchEnergy> energies = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        long extrapolated = 0;
        long overMemory = 0;
        double prefillJ = 0;
        double decodeJ = 0;
        for (BinCount bc : workload) {
            if (bc.requests() <= 0) continue;
            OptionalInt ob = batches.batchFor(bc.inputBin(), bc.outputBin());
            if (ob.isEmpty()) continue;
            int b = ob.getAsInt();
            int i = bc.inputBin();
            int o = bc.outputBin();
            double perRequest = fit.computeBoundJoulesPerRequest(i, o, b) * computeScale
                    + fit.memoryBoundJoulesPerRequest(i, o, b) * memoryScale;
            double prefillShare = fit.prefillJoulesPerRequest(i, b) / fit.requestJoules(i, o, b);
            prefillJ += prefillShare * perRequest * bc.requests();
            decodeJ += (1 - prefillShare) * perRequest * bc.requests();
            if (!fit.extrapolationFlags(i, o, b).isEmpty()) extrapolated += bc.requests();
            LargestBatch lb = memory.largestBatch(i, o, gpu);
            if (lb.batchSize().isEmpty() || lb.batchSize().getAsInt() < b) overMemory += bc.requests();
            Map<String, String> details = new TreeMap<>();
            details.put("model", "Figure 2 fit (RTX A6000, vLLM, Llama-3.1-8B)" + (transfer ? ", rescaled to " + gpu.name() : ""));
            details.put("citation", PaperNumbers.CITATION + ", Fig. 2");
            details.put("compute_scale", fmt(computeScale));
            details.put("memory_scale", fmt(memoryScale));
            List<String> reasons = new ArrayList<>(List.of("what-if estimate, not a measurement"));
            if (transfer) reasons.add("cross-GPU rescaling is unvalidated");
            reasons.addAll(fit.extrapolationFlags(i, o, b));
            Provenance p = new Provenance(Provenance.Source.MODEL, List.of(gpu.name() + " (hypothetical)"), null, null,
                    null, null, false, true, reasons, details);
            energies.add(new BatchEnergy(i, o, b, perRequest * b, p));
        }
        WorkloadEstimate w = new BinnedEstimator(BatchCounting.EXACT, false).estimate(workload, energies);

        double total = prefillJ + decodeJ;
        double sFit = total > 0
                ? (prefillJ * fit.prefillRmsLogResidual() + decodeJ * fit.decodeRmsLogResidual()) / total
                : Double.NaN;
        double sigma = Math.sqrt(sFit * sFit + DIGITIZATION_LOG_ERROR * DIGITIZATION_LOG_ERROR);

        List<String> assumptions = List.of(
                "Llama-3.1-8B in bf16 served by vLLM with CUDA graphs, offline static batches per bin (the paper's Figure 2 setting)",
                "batch sizes: " + batches.describe(),
                "batches counted as N/B (the paper's formula)",
                "GPU energy only, not net of idle (as the paper)");
        if (transfer) {
            flags.add(String.format(Locale.ROOT, "%s is not the fitted RTX A6000: arithmetic terms scaled by %.3f (TDP/dense peak),"
                    + " memory terms by %.3f (TDP/bandwidth); this transfer is UNVALIDATED and not inside the band",
                    gpu.name(), computeScale, memoryScale));
        }
        if (extrapolated > 0) flags.add(extrapolated + " request(s) in bins outside Figure 2's range (the fit is extrapolated there)");
        if (overMemory > 0) flags.add(overMemory + " request(s) in bins whose batch size exceeds what the memory model fits on " + gpu.name());
        if (w.partial()) flags.add(w.describe());

        String question = "energy of " + w.totalRequests() + " requests on " + gpu.name() + ", " + batches.describe();
        Provenance p = new Provenance(Provenance.Source.MODEL, List.of(gpu.name() + " (hypothetical)"), null, null, null, null,
                false, true, flags, Map.of("citation", PaperNumbers.CITATION + ", Fig. 2", "log_sigma", fmt(sigma),
                "fit_log_sigma", fmt(sFit), "digitization_log_sigma", fmt(DIGITIZATION_LOG_ERROR)));
        OptionalDouble j = w.totalJoules();
        OptionalDouble lo = j.isPresent() ? OptionalDouble.of(j.getAsDouble() * Math.exp(-sigma)) : OptionalDouble.empty();
        OptionalDouble hi = j.isPresent() ? OptionalDouble.of(j.getAsDouble() * Math.exp(sigma)) : OptionalDouble.empty();
        return new WhatIfAnswer(question, j, lo, hi, sigma, assumptions, flags, p, w);
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4f", v); }
}
