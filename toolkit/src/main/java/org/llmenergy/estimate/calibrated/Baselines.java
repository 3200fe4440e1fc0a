package org.llmenergy.estimate.calibrated;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.llmenergy.estimate.paper.Figure2Fit;
import org.llmenergy.estimate.paper.GpuTransfer;
import org.llmenergy.model.Presets;

/**
 * The two simple predictors the calibrated model is compared with, on the same configurations and the same
 * assumed prompt lengths.
 *
 * <ul>
 *   <li><b>FLOPs x TDP / peak</b> (the paper's "theoretical" estimate): FLOPs per output token (2 x active
 *       parameters x (1 + E[I] / E[O]) plus attention over the mean context) times TDP over the dense peak of the
 *       checkpoint's format.</li>
 *   <li><b>The paper's Figure-2 fit, transferred</b>: J per request of Llama-3.1-8B at batch
 *       min(max_num_seqs, 128), carried from the RTX A6000 to the GPU by {@link GpuTransfer} (the rule the
 *       {@code paper-fit} estimate uses: arithmetic terms by TDP / dense bf16 peak, memory terms by TDP /
 *       bandwidth), divided by E[O], scaled by the ratio of active parameters. The fit is of a bf16 model, so an
 *       fp8 checkpoint gets no fp8 credit here.</li>
 * </ul>
 */
public final class Baselines {
    private static final double PAPER_MODEL_ACTIVE = Presets.get("llama-3.1-8b").activeParameterCount();

    private final Function<String, GpuFacts> gpus;
    private final Figure2Fit paperFit;

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
        GpuTransfer transfer = GpuTransfer.to(g.name(), g.tdpWatts(), g.bf16Flops(), g.bandwidth());
        double perToken = transfer.requestJoules(paperFit, input, output, batch) / output;
        return perToken * (p.shape().activeParameters() / PAPER_MODEL_ACTIVE);
    }

    /** The calibrated model's row of {@link #comparison}. */
    public static final String CALIBRATED = "calibrated (leave-one-model-out)";
    /** The FLOPs x TDP / peak row of {@link #comparison}. */
    public static final String FLOPS_TIMES_TDP = "FLOPs x TDP / dense peak";
    /** The transferred Figure-2 fit's row of {@link #comparison}. */
    public static final String PAPER_FIT = "paper Figure-2 fit transferred";

    /**
     * The three-way comparison: mean absolute percentage error of J per output token of the calibrated model (held
     * out by model) and of the two baselines, on the same configurations and the same assumed prompt lengths.
     *
     * @param o     a calibration run
     * @param which the held-out configurations to score (for example one GPU's)
     * @return MAPE in percent by predictor, in the order calibrated, FLOPs x TDP, Figure-2 fit; NaN when none is selected
     */
    public Map<String, Double> comparison(CalibrationRun.Outcome o, Predicate<HeldOutPrediction> which) {
        double flops = 0, paper = 0;
        int n = 0;
        for (HeldOutPrediction h : o.leaveOneModelOut().predictions()) {
            if (!which.test(h)) continue;
            double input = o.calibration().parameters().inputTokens(h.point().task());
            flops += Math.abs(flopsTimesTdp(h.point(), input) / h.measured() - 1);
            paper += Math.abs(paperFitTransferred(h.point(), input) / h.measured() - 1);
            n++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CALIBRATED, o.leaveOneModelOut().mape(which));
        m.put(FLOPS_TIMES_TDP, n == 0 ? Double.NaN : 100 * flops / n);
        m.put(PAPER_FIT, n == 0 ? Double.NaN : 100 * paper / n);
        return m;
    }
}
