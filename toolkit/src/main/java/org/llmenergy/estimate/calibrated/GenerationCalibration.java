package org.llmenergy.estimate.calibrated;

import java.util.List;
import java.util.Map;

/**
 * The calibration of one software generation (an engine version that measured the data): its parameters, interval
 * factors and coverage. Generations are modelled explicitly rather than averaged: ML.ENERGY v2 (vLLM 0.5.4)
 * measured the same model, GPU and batch 37-73 % higher than v3 (vLLM 0.11.1).
 *
 * @param generation      for example {@code "vllm-0.11.1"}
 * @param parameters      the fitted parameters
 * @param calibratedGpu   interval factors for a GPU with data in this generation (leave-one-model-out)
 * @param uncalibratedGpu interval factors for a GPU without data (leave-one-GPU-out)
 * @param ranges          per GPU, what the data covered
 * @param crossValidation held-out figures (percent)
 * @param trainedGroups   architecture groups the fit saw
 * @param spread          how this generation's predictions compare with the default generation's on this
 *                        generation's configurations (ratio quantiles), empty for the default generation
 */
public record GenerationCalibration(String generation, CalibrationParameters parameters, IntervalFactors calibratedGpu,
                                    IntervalFactors uncalibratedGpu, Map<String, Calibration.GpuRange> ranges,
                                    Map<String, Double> crossValidation, List<String> trainedGroups,
                                    Map<String, Double> spread) {

    /** @return the interval factors that apply to a GPU */
    public IntervalFactors factorsFor(String gpu) { return parameters.calibrated(gpu) ? calibratedGpu : uncalibratedGpu; }
}
