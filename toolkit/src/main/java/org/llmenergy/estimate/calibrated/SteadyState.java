package org.llmenergy.estimate.calibrated;

import org.llmenergy.estimate.LengthMoments;

/**
 * A continuously batched server at steady state (vLLM-style, chunked prefill): a closed loop keeps up to
 * {@code max_num_seqs} requests running, limited by the KV cache; every step decodes one token for each running
 * sequence and processes, on average, the prompt tokens of the requests that replace finished ones.
 *
 * <p>Batch: B = min(max_num_seqs, KV capacity / mean context), where the KV capacity is
 * (G x (memory x {@value #MEMORY_UTILISATION} - {@value #RESERVED_GIB} GiB) - weights) / KV bytes per token, scaled by
 * the fitted capacity factor, and the mean context is {@link LengthMoments#meanDecodeContext()}. Prefill tokens per
 * step: each request brings E[I] prompt tokens over E[O] decode steps, so B x E[I] / E[O].
 *
 * @param batch               running sequences per step
 * @param prefillTokensPerStep prompt tokens per step
 * @param decodeContext       mean context of a decode sequence, in tokens
 * @param kvCapacityTokens    tokens the KV cache holds
 * @param memoryLimited       true when the KV cache, not max_num_seqs, sets the batch
 * @param step                one mixed step (decode + prefill)
 * @param decodeStep          the same step without its prefill tokens (to split prefill from decode energy)
 */
public record SteadyState(double batch, double prefillTokensPerStep, double decodeContext, double kvCapacityTokens,
                          boolean memoryLimited, StepCost step, StepCost decodeStep) {
    /** vLLM's default {@code gpu_memory_utilization}. */
    static final double MEMORY_UTILISATION = 0.90;
    /** Memory held back per GPU for activations, CUDA graphs and the allocator, in GiB (an assumption). */
    static final double RESERVED_GIB = 3.0;

    /**
     * @return tokens the KV cache of {@code gpus} GPUs holds after the weights, before the fitted factor; negative
     *         when the weights alone do not fit
     */
    static double rawKvCapacity(StepShape shape, double memoryBytesPerGpu, int gpus, double bytesPerWeight) {
        double free = gpus * (memoryBytesPerGpu * MEMORY_UTILISATION - RESERVED_GIB * 1024 * 1024 * 1024)
                - shape.totalParameters() * bytesPerWeight;
        return free / (shape.kvElementsPerToken() * StepModel.KV_BYTES);
    }

    static SteadyState of(StepModel model, double memoryBytesPerGpu, int maxNumSeqs, LengthMoments w, SharedParameters sp) {
        StepModel.Hardware hw = model.hardware();
        double capacity = sp.kvCapacityFactor() * rawKvCapacity(model.shape(), memoryBytesPerGpu, hw.gpus(), hw.bytesPerWeight());
        double context = w.meanDecodeContext();
        double byMemory = capacity / context;
        double batch = Math.max(1.0, Math.min(maxNumSeqs, byMemory));
        double prefill = batch * w.meanInput() / w.meanOutput();
        StepCost step = model.step(batch, context, prefill, w.meanInput() / 2);
        StepCost decode = model.step(batch, context, 0, 0);
        return new SteadyState(batch, prefill, context, capacity, byMemory < maxNumSeqs, step, decode);
    }

    /** @return energy per output token at steady state, prefill included, in joules */
    public double joulesPerOutputToken() { return step.joules() / batch; }

    /** @return time per output token of one sequence (the inter-token latency), in seconds */
    public double secondsPerStep() { return step.seconds(); }

    /** @return output tokens per second over the whole server */
    public double outputTokensPerSecond() { return batch / step.seconds(); }
}
