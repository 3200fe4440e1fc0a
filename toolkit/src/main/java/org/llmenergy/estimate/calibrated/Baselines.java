package org.llmenergy.estimate.calibrated;

import java.util.function.Function;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.hardware.GpuCatalog;
import org.llmenergy.hardware.GpuSpec;
import org.llmenergy.hardware.Sparsity;
import org.llmenergy.model.Presets;

/**
 * The two simple predictors the calibrated model is compared with, on the same configurations and the same
 * assumed prompt lengths.
 *
 * <ul>
 *   <li><b>FLOPs x TDP / peak</b> (the paper's "theoretical" estimate): FLOPs per output token (2 x active
 *       parameters x (1 + E[I] / E[O]) plus attention over the mean context) times TDP over the dense peak of the
 *       checkpoint's format.</li>
 *   <li><b>The paper's Figure-2 fit, transferred</b>: J per request of Llama-3.1-8B on the RTX A6000 at batch
 *       min(max_num_seqs, 128), divided by E[O], scaled by the ratio of active parameters and the ratio of the GPUs'
 *       TDP / dense peak.</li>
 * </ul>
 */
public final class Baselines {
    private static final double PAPER_MODEL_ACTIVE = Presets.get("llama-3.1-8b").activeParameterCount();

    private final Function<String, GpuFacts> gpus;
    private final Figure2Fit paperFit;
    private final GpuSpec a6000 = GpuCatalog.builtIn().get("RTX-A6000");

    /**
     * @param gpus     datasheet facts per catalog GPU
     * @param paperFit the paper's Figure-2 fit
     */
    public Baselines(Function<String, GpuFacts> gpus, Figure2Fit paperFit) {
        this.gpus = gpus;
        this.paperFit = paperFit;
    }

    /** @return the FLOPs x TDP / peak estimate of J per output token */
    public double flopsTimesTdp(CalibrationPoint p, double inputTokens) {
        GpuFacts g = gpus.apply(p.gpu());
        StepShape s = p.shape();
        double context = inputTokens + p.meanOutputSquared() / (2 * p.meanOutput());
        double perToken = 2 * s.activeParameters() * (1 + inputTokens / p.meanOutput())
                + s.attentionFlopsPerPair() * s.attendedTokens(context);
        return perToken * g.tdpWatts() / g.peakFor(p.fp8Compute());
    }

    /** @return the paper's Figure-2 fit transferred to the configuration, J per output token */
    public double paperFitTransferred(CalibrationPoint p, double inputTokens) {
        GpuFacts g = gpus.apply(p.gpu());
        int batch = Math.min(p.maxNumSeqs(), Figure2Fit.MAX_FITTED_BATCH);
        int input = (int) Math.round(inputTokens);
        int output = (int) Math.max(1, Math.round(p.meanOutput()));
        double perToken = paperFit.requestJoules(input, output, batch) / output;
        double gpuRatio = (g.tdpWatts() / g.peakFor(p.fp8Compute()))
                / (a6000.tdpWatts() / a6000.bf16PeakFlopsPerSecond(Sparsity.DENSE));
        return perToken * (p.shape().activeParameters() / PAPER_MODEL_ACTIVE) * gpuRatio;
    }
}
