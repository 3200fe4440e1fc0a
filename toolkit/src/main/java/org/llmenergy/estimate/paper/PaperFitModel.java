package org.llmenergy.estimate.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.llmenergy.estimate.BatchSizePolicy;
import org.llmenergy.estimate.EnergyModel;
import org.llmenergy.estimate.EstimateFlag;
import org.llmenergy.estimate.StaticBatchLaw;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.model.MemoryAssumptions;
import org.llmenergy.model.MemoryModel;
import org.llmenergy.model.Presets;
import org.llmenergy.units.Provenance;

/**
 * The {@code paper-fit} source: the {@link Figure2Fit} of the paper's RTX A6000 / vLLM / Llama-3.1-8B measurements
 * as an {@link EnergyModel}, served in static batches (Fernandez et al., ACL 2025, Fig. 2 and section 4.2).
 *
 * <h2>Other GPUs</h2>
 * For a GPU other than the RTX A6000 the fitted terms are rescaled as a roofline would: the arithmetic terms by
 * {@code (TDP / dense bf16 peak)} relative to the A6000's, the memory terms by {@code (TDP / bandwidth)}. This
 * assumes the other board reaches the same fractions of its peaks and TDP as the A6000 did. It is NOT validated:
 * the answer is flagged {@link EstimateFlag.Kind#UNCALIBRATED_GPU} and the interval covers the fit and the
 * digitisation only.
 *
 * <h2>Interval</h2>
 * {@link Figure2Fit#prefillLogSigma()} and {@link Figure2Fit#decodeLogSigma()} (fit residuals, the held-out panel
 * for decode, and the ±15 % digitisation error), at 90 % as {@link StaticBatchLaw} documents.
 */
public final class PaperFitModel {
    /** The GPU the fit describes. */
    public static final String FITTED_GPU = "RTX-A6000";

    private PaperFitModel() {}

    /**
     * The paper's batch sizes where they are not given: the largest batch of Llama-3.1-8B under vLLM in bf16 that
     * fits the GPU by the memory model, capped at {@link PaperFitEstimator#DEFAULT_BATCH_CAP}.
     *
     * @param gpu the GPU
     * @return the policy
     */
    public static BatchSizePolicy defaultBatches(GpuSpec gpu) {
        return new BatchSizePolicy.MemoryLimited(new MemoryModel(Presets.get("llama-3.1-8b"),
                MemoryAssumptions.vllmBf16().withMaxBatch(PaperFitEstimator.DEFAULT_BATCH_CAP)), gpu);
    }

    /**
     * @param fit     the Figure 2 fit
     * @param gpu     the GPU to serve on (one device)
     * @param batches the batch size per request shape (fixed, or the largest that fits)
     * @return the model, source {@code paper-fit}
     */
    public static EnergyModel of(Figure2Fit fit, GpuSpec gpu, BatchSizePolicy batches) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(gpu, "gpu");
        GpuTransfer transfer = GpuTransfer.to(gpu);
        double computeScale = transfer.computeScale();
        double memoryScale = transfer.memoryScale();

        List<EstimateFlag> flags = new ArrayList<>();
        flags.add(new EstimateFlag(EstimateFlag.Kind.ASSUMPTION, "Llama-3.1-8B in bf16 on vLLM with CUDA graphs, offline"
                + " static batches (the paper's Figure 2 setting); batch sizes: " + batches.describe()));
        if (!transfer.isFittedGpu()) {
            flags.add(new EstimateFlag(EstimateFlag.Kind.UNCALIBRATED_GPU, String.format(Locale.ROOT,
                    "%s is not the fitted RTX A6000: arithmetic terms scaled by %.3f (TDP/dense peak), memory terms by"
                            + " %.3f (TDP/bandwidth); this transfer is UNVALIDATED and not inside the interval",
                    gpu.name(), computeScale, memoryScale)));
        }
        MemoryModel memory = new MemoryModel(Presets.get("llama-3.1-8b"), MemoryAssumptions.vllmBf16());
        boolean fixed = batches instanceof BatchSizePolicy.Fixed;
        StaticBatchLaw.Extrapolation extrapolation = (i, o, b) -> {
            List<String> f = fit.extrapolationFlags(i, o, b);
            // A memory-limited batch fits by construction; a fixed one may not.
            if (fixed && !memory.footprint(b, i, o, gpu).fits()) {
                f = new ArrayList<>(f);
                f.add("batch " + b + " exceeds what the memory model fits on " + gpu.name());
            }
            return f;
        };
        Map<String, String> details = new TreeMap<>();
        details.put("model", "Figure 2 fit (RTX A6000, vLLM, Llama-3.1-8B)" + (transfer.isFittedGpu() ? "" : ", rescaled to " + gpu.name()));
        details.put("citation", PaperNumbers.CITATION + ", Fig. 2");
        details.put("prefill", fit.law().describePrefill());
        details.put("decode", fit.law().describeDecode());
        details.put("compute_scale", String.format(Locale.ROOT, "%.4f", computeScale));
        details.put("memory_scale", String.format(Locale.ROOT, "%.4f", memoryScale));
        details.put("interval", String.format(Locale.ROOT, "90%%: exp(+-1.645 s), s = %.4f prefill, %.4f decode"
                + " (fit residuals, held-out panel and digitisation)", fit.prefillLogSigma(), fit.decodeLogSigma()));
        List<String> reasons = new ArrayList<>(List.of("estimate from a fit to digitised figure values, not a measurement"));
        if (!transfer.isFittedGpu()) reasons.add("cross-GPU rescaling is unvalidated");
        Provenance p = Provenance.builder().setSource(Provenance.Source.MODEL)
                .optDevices(List.of(gpu.name() + (transfer.isFittedGpu() ? "" : " (hypothetical)"))).optReasons(reasons)
                .optDetails(details).build();
        return new StaticBatchLaw("paper-fit", fit.law(), batches, computeScale, memoryScale, fit.prefillLogSigma(),
                fit.decodeLogSigma(), p, extrapolation, flags);
    }
}
