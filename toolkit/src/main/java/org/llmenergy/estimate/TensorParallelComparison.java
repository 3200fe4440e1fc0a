package org.llmenergy.estimate;

/**
 * Energy against latency for tensor parallelism, relative to one GPU.
 *
 * @param gpus                    the tensor-parallel degree
 * @param energyIncreasePercent   {@code (E_tp - E_1) / E_1 x 100}
 * @param latencyReductionPercent {@code (T_1 - T_tp) / T_1 x 100}
 */
public record TensorParallelComparison(int gpus, double energyIncreasePercent, double latencyReductionPercent) {
    /**
     * The speed-up against the ideal one: {@code (T_1 / T_tp) / gpus}. Below 1, the group draws power for
     * longer in total than one GPU would, which is why TP costs energy.
     *
     * @return the parallel efficiency, a fraction
     */
    public double parallelEfficiency() { return 1 / (1 - latencyReductionPercent / 100) / gpus; }
}
