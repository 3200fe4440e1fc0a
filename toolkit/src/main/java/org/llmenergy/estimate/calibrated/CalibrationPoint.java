package org.llmenergy.estimate.calibrated;

import java.util.OptionalDouble;

/**
 * One measured configuration used to fit or check the calibrated model: what a user knows beforehand (model shape,
 * GPU, parallelism, precision, batch limit, task and its output lengths) and, separately, what was measured.
 *
 * @param source          where it comes from, for example {@code "Qwen__Qwen3-8B__gpqa.json#3"}
 * @param modelId         the model's id as the source gives it
 * @param group           the architecture it belongs to (a preset name): leave-one-model-out leaves out a group
 * @param task            the task (decides the assumed prompt length)
 * @param generation      the software generation that measured it, for example {@code "vllm-0.11.1"}
 * @param shape           the model's step shape
 * @param gpu             catalog GPU name
 * @param gpus            GPUs serving one replica
 * @param expertParallel  true when routed experts are spread over the GPUs
 * @param bytesPerWeight  bytes per weight element of the checkpoint
 * @param fp8Compute      true when the checkpoint's matrices run on fp8 tensor cores
 * @param maxNumSeqs      the batch limit
 * @param meanOutput      E[O] of the task's output lengths, in tokens
 * @param meanOutputSquared E[O^2], in tokens squared
 * @param measured        the measurements
 */
public record CalibrationPoint(String source, String modelId, String group, String task, String generation,
                               StepShape shape, String gpu, int gpus, boolean expertParallel, double bytesPerWeight,
                               boolean fp8Compute, int maxNumSeqs, double meanOutput, double meanOutputSquared,
                               Measured measured) {

    /**
     * What was measured for a configuration (never an input to a prediction).
     *
     * @param joulesPerOutputToken energy per output token over all GPUs, in joules
     * @param avgBatch             mean running batch, if measured
     * @param stepSeconds          mean step time (batch / throughput), in seconds, if measured
     * @param watts                mean power over all GPUs, in watts, if measured
     * @param medianItlMs          median inter-token latency, in milliseconds, if measured
     */
    public record Measured(double joulesPerOutputToken, OptionalDouble avgBatch, OptionalDouble stepSeconds,
                           OptionalDouble watts, OptionalDouble medianItlMs) {}
}
