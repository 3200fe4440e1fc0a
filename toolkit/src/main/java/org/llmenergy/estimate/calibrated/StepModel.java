package org.llmenergy.estimate.calibrated;

/**
 * The roofline of one forward step (a prefill chunk, a decode iteration over a batch, or both mixed as a chunked-
 * prefill engine runs them) on {@code gpus} GPUs that split the FLOPs and the bytes evenly (tensor or expert
 * parallelism).
 *
 * <ul>
 *   <li><b>FLOPs</b>: 2 x always-read parameters x tokens, plus for an MoE model 2 x top-k x expert parameters x
 *       tokens x the expert-compute factor, plus attention: decode sequences x attended context, and prefill
 *       tokens x half their prompt, each x FLOPs per (query, key) pair.</li>
 *   <li><b>Bytes</b>: the always-read weights once per step; for an MoE model the routed experts the step touches
 *       ({@link StepShape#expertsTouched}); the KV cache of every decode sequence over its attended context (weighted
 *       by the fitted KV-read factor); and
 *       activations (a small term: 8 hidden-width vectors per token and layer).</li>
 *   <li><b>Time</b>: the smooth maximum ({@link #roofline}) of FLOPs / (efficiency x peak) and bytes / (efficiency x
 *       bandwidth) + step overhead + layers x
 *       layer overhead + sequences x per-sequence host overhead + communication. Communication: per layer, two ring all-reduces of the step's activations
 *       (2 (G - 1) / G x tokens x d x 2 bytes over the per-GPU link, plus a latency each); with expert parallelism
 *       also a dispatch and a combine of top-k copies of each token.</li>
 *   <li><b>Power</b> per GPU: TDP x min(1, idle + compute x (compute time / step time) + memory x (memory time /
 *       step time) + comm x (comm time / step time)).</li>
 * </ul>
 */
final class StepModel {
    /** Bytes per KV-cache element: the engines' default cache type follows bf16 activations. */
    static final double KV_BYTES = 2.0;
    /** Bytes per activation element (bf16). */
    static final double ACTIVATION_BYTES = 2.0;
    /** Hidden-width activation vectors read or written per token and layer (residual, norms, projections). */
    static final double ACTIVATION_VECTORS_PER_LAYER = 8.0;

    private final StepShape shape;
    private final Hardware hw;
    private final GpuParameters gp;
    private final SharedParameters sp;

    /**
     * The hardware side of a step: what the GPUs can do and how they are combined.
     *
     * @param gpus            GPUs sharing the step
     * @param peakFlops       per-GPU dense tensor peak for the weights' format, in FLOP/s
     * @param bandwidth       per-GPU memory bandwidth, in bytes/s
     * @param linkBandwidth   per-GPU interconnect bandwidth, one direction, in bytes/s
     * @param tdpWatts        per-GPU board power limit, in watts
     * @param bytesPerWeight  bytes per weight element (2 for bf16, 1 for fp8, 0.5-0.53 for 4-bit)
     * @param fp8Weights      true for an fp8 checkpoint (its weight bytes cost the fitted fp8 kernel factor)
     * @param expertParallel  true when routed experts are spread over the GPUs (all-to-all traffic)
     */
    record Hardware(int gpus, double peakFlops, double bandwidth, double linkBandwidth, double tdpWatts,
                    double bytesPerWeight, boolean fp8Weights, boolean expertParallel) {}

    StepModel(StepShape shape, Hardware hw, GpuParameters gp, SharedParameters sp) {
        this.shape = shape;
        this.hw = hw;
        this.gp = gp;
        this.sp = sp;
    }

    StepShape shape() { return shape; }

    /**
     * A smooth roofline, the 4-norm of compute and memory time: near the ridge point compute and memory overlap imperfectly, so the time exceeds the larger
     * of the two (by 19 % at the ridge for exponent 4); far from it, it is the larger one. Smoothness also keeps
     * the fit's gradient continuous.
     */
    static double roofline(double compute, double memory) {
        double hi = Math.max(compute, memory);
        if (hi <= 0) return 0;
        double a = compute / hi, b = memory / hi;
        double a2 = a * a, b2 = b * b;
        // The 4-norm by multiplication and two square roots: Math.pow was most of a simulation's time.
        return hi * Math.sqrt(Math.sqrt(a2 * a2 + b2 * b2));
    }

    Hardware hardware() { return hw; }

    /**
     * @param decodeSequences sequences decoding one token this step
     * @param decodeContext   their mean context length, in tokens
     * @param prefillTokens   prompt tokens processed this step
     * @param prefillContext  mean attended length of those prompt tokens (half the prompt for a causal prefill)
     * @return the step's time and power
     */
    StepCost step(double decodeSequences, double decodeContext, double prefillTokens, double prefillContext) {
        double tokens = decodeSequences + prefillTokens;
        double attentionFlops = shape.attentionFlopsPerPair()
                * (decodeSequences * shape.attendedTokens(decodeContext) + prefillTokens * shape.attendedTokens(prefillContext));
        double flops = 2 * shape.alwaysReadParameters() * tokens + attentionFlops
                + sp.expertComputeFactor() * 2 * shape.moeLayers() * shape.expertsPerToken() * shape.expertParameters() * tokens;
        double weightBytes = hw.bytesPerWeight() * (hw.fp8Weights() ? sp.fp8KernelFactor() : 1.0) * (shape.alwaysReadParameters()
                + shape.moeLayers() * shape.expertsTouched(tokens) * shape.expertParameters());
        double kvBytes = decodeSequences * shape.attendedTokens(decodeContext) * shape.kvElementsPerTokenPerLayer() * KV_BYTES;
        double activationBytes = tokens * shape.hiddenSize() * ACTIVATION_BYTES * shape.layers() * ACTIVATION_VECTORS_PER_LAYER;
        int g = hw.gpus();
        double compute = flops / (g * gp.computeEfficiency() * hw.peakFlops());
        double memory = (weightBytes + sp.kvReadFactor() * kvBytes + activationBytes) / (g * gp.memoryEfficiency() * hw.bandwidth());
        double comm = 0;
        if (g > 1) {
            double ring = 2.0 * (g - 1) / g;
            double link = hw.linkBandwidth() * sp.linkEfficiency();
            comm = 2.0 * shape.layers() * (sp.allReduceLatencySeconds() + ring * tokens * shape.hiddenSize() * ACTIVATION_BYTES / link);
            if (hw.expertParallel() && shape.isMoe()) {
                comm += sp.allToAllFactor() * shape.moeLayers() * ring * tokens * shape.expertsPerToken() * shape.hiddenSize() * ACTIVATION_BYTES / link;
            }
        }
        double seconds = roofline(compute, memory) + gp.stepOverheadSeconds() + shape.layers() * sp.layerOverheadSeconds()
                + decodeSequences * sp.sequenceOverheadSeconds() + comm;
        double load = gp.idleFraction() + gp.computePowerFraction() * compute / seconds
                + gp.memoryPowerFraction() * memory / seconds + sp.commPowerFraction() * comm / seconds;
        double watts = hw.tdpWatts() * Math.min(1.0, load);
        return new StepCost(seconds, compute, memory, comm, watts, g);
    }
}
