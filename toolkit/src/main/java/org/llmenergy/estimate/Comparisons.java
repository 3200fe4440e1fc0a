package org.llmenergy.estimate;

/**
 * The comparison formulas of Fernandez et al. (ACL 2025). Energies may be in any one unit; results are in percent.
 */
public final class Comparisons {
    private Comparisons() {}

    /**
     * Percent above a reference, Table 4's %Δ: {@code (energy - reference) / reference x 100}.
     *
     * @param energy    the measured or estimated energy
     * @param reference the reference (the theoretical baseline in Table 4)
     * @return percent above (negative when below)
     */
    public static double percentAbove(double energy, double reference) {
        requirePositive("reference", reference);
        return (energy - reference) / reference * 100;
    }

    /**
     * The saving of an optimised configuration over a baseline when both are given as percent above the same
     * reference: {@code (1 - (1 + v) / (1 + p)) x 100} with v and p as fractions. Table 4's columns give the
     * paper's 73.00 %, 37.58 % and 72.18 %.
     *
     * @param optimizedPercentAbove v, in percent (vLLM's column)
     * @param baselinePercentAbove  p, in percent (PyTorch's column)
     * @return the saving, in percent of the baseline's energy
     */
    public static double savingsFromPercentAbove(double optimizedPercentAbove, double baselinePercentAbove) {
        double p = 1 + baselinePercentAbove / 100;
        requirePositive("1 + baseline fraction", p);
        return (1 - (1 + optimizedPercentAbove / 100) / p) * 100;
    }

    /**
     * Reduction relative to a baseline, {@code (baseline - candidate) / baseline x 100}: the savings between
     * configurations, and the torch.compile and CUDA-graph "improvements" of section 3.4.
     *
     * @param baseline  the baseline's energy
     * @param candidate the candidate's energy
     * @return percent reduction (negative when the candidate uses more)
     */
    public static double reductionPercent(double baseline, double candidate) {
        requirePositive("baseline", baseline);
        return (baseline - candidate) / baseline * 100;
    }

    /**
     * Figure 9's metric, online (continuous batching) against offline serving:
     * {@code (E_offline - E_online) x 100 / E_offline}. Positive means online saves energy.
     *
     * @param offlineEnergy energy of offline (static-batch) serving
     * @param onlineEnergy  energy of online serving at the matched batch size
     * @return percent energy reduction
     */
    public static double onlineVsOfflineReductionPercent(double offlineEnergy, double onlineEnergy) {
        return reductionPercent(offlineEnergy, onlineEnergy);
    }

    /**
     * Speculative against autoregressive decoding at the same batch size: {@code (E_spec - E_ar) / E_ar x 100}.
     * The paper reports -29.14 % at small batches and +25.65 % at batch 128 (section 3.2).
     *
     * @param autoregressiveEnergy energy of plain autoregressive decoding
     * @param speculativeEnergy    energy of speculative decoding
     * @return percent change (negative means speculative saves energy)
     */
    public static double speculativeChangePercent(double autoregressiveEnergy, double speculativeEnergy) {
        return percentAbove(speculativeEnergy, autoregressiveEnergy);
    }

    /**
     * Tensor parallelism against one GPU for the same workload (section 3.3: TP2 cuts latency by 40.16 % and
     * raises energy by 29.3 %; TP4 by 61.34 % and 55.23 %).
     *
     * @param gpus             the tensor-parallel degree
     * @param singleEnergy     energy on one GPU
     * @param singleLatencyS   latency on one GPU, in seconds
     * @param parallelEnergy   energy summed over the TP group
     * @param parallelLatencyS latency with TP, in seconds
     * @return the energy increase and latency reduction
     */
    public static TensorParallelComparison tensorParallel(int gpus, double singleEnergy, double singleLatencyS,
                                                          double parallelEnergy, double parallelLatencyS) {
        if (gpus < 2) throw new IllegalArgumentException("tensor-parallel degree must be >= 2, got " + gpus);
        return new TensorParallelComparison(gpus, percentAbove(parallelEnergy, singleEnergy),
                reductionPercent(singleLatencyS, parallelLatencyS));
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(what + " must be positive, got " + v);
    }
}
