package org.llmenergy.estimate.calibrated;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a fit produces for one software generation: per-GPU parameters, shared parameters, and the fitted
 * mean prompt length of each task (see {@link TaskInputs}).
 *
 * @param gpus            per catalog GPU name
 * @param shared          shared by all GPUs and models
 * @param taskInputTokens fitted mean prompt length per task, in tokens
 */
public record CalibrationParameters(Map<String, GpuParameters> gpus, SharedParameters shared,
                                    Map<String, Double> taskInputTokens) {
    public CalibrationParameters {
        gpus = new TreeMap<>(gpus);
        taskInputTokens = new TreeMap<>(taskInputTokens);
    }

    /** @return the parameters of a calibrated GPU, or the mean over calibrated GPUs (a datasheet transfer) */
    public GpuParameters forGpu(String catalogName) {
        GpuParameters p = gpus.get(catalogName);
        return p != null ? p : GpuParameters.mean(gpus.values());
    }

    /** @return true when the GPU has its own fitted parameters */
    public boolean calibrated(String catalogName) { return gpus.containsKey(catalogName); }

    /** @return the mean prompt length to use for a task, in tokens */
    public double inputTokens(String task) {
        Double v = taskInputTokens.get(task);
        return v != null ? v : TaskInputs.assumed(task);
    }
}
