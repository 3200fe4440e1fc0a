package org.llmenergy.estimate.paper;

import org.llmenergy.estimate.Comparisons;
import org.llmenergy.units.Provenance;

/**
 * One row of the paper's Table 4: energy above the theoretical baseline, offline inference on an RTX A6000.
 *
 * @param dataset             the trace
 * @param pytorchPercentAbove unoptimised PyTorch + HF Transformers, percent above theoretical
 * @param vllmPercentAbove    optimised vLLM, percent above theoretical
 * @param provenance          {@code paper-published}, Table 4
 */
public record OverheadRow(String dataset, double pytorchPercentAbove, double vllmPercentAbove, Provenance provenance) {
    /** @return the saving of vLLM over PyTorch, {@code (1 - (1 + v) / (1 + p)) x 100}, in percent */
    public double savingsPercent() { return Comparisons.savingsFromPercentAbove(vllmPercentAbove, pytorchPercentAbove); }
}
