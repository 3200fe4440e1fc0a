package org.llmenergy.model;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.llmenergy.hardware.GpuSpec;

/**
 * Bytes a model needs on a device, and the largest batch that fits.
 *
 * <ul>
 *   <li><b>Weights:</b> {@link ModelConfig#parameterCount()} × bytes per weight (all experts of a MoE model are
 *       resident).</li>
 *   <li><b>KV cache per token:</b> {@code 2 (K and V) × layers × kvHeads × headDim × bytes}; 131,072 bytes
 *       (128 KiB) for Llama-3.1-8B in bf16. A batch of B sequences needs B × (I + O) tokens of it, each
 *       sequence rounded up to whole blocks of {@link MemoryAssumptions#kvBlockTokens()}.</li>
 *   <li><b>Activations</b> (a deliberately simple estimate of the peak transient of the largest forward pass):
 *       per token in the pass, {@code 2·d + max(2·h·e + 2·k·e, 3·f_active)} activation elements (residual
 *       stream, its normalised copy, and the larger of the attention projections or the SwiGLU gate/up/product);
 *       plus fp32 logits, {@code 4·V} bytes per row (one row per sequence, or per prompt token when logits
 *       are kept for all positions); plus, for eager attention, the score matrix and its softmax, two
 *       {@code tokens × heads × I} arrays for one layer. The prefill pass processes {@code B·I} tokens at
 *       once, or {@link MemoryAssumptions#prefillChunkTokens()} when chunked; a decode step processes B.</li>
 *   <li><b>Reserved:</b> a fixed allowance for the CUDA context, allocator slack and CUDA graphs.</li>
 * </ul>
 * A batch fits when the sum is at most {@code usableFraction × device memory}. Real engines fragment memory,
 * keep extra workspaces and pad; this model is meant to rank and bound batch sizes, not to predict an OOM to
 * the megabyte.
 */
public final class MemoryModel {
    private final ModelConfig config;
    private final MemoryAssumptions assumptions;

    /**
     * @param config      the architecture
     * @param assumptions precisions, headroom and engine behaviour
     */
    public MemoryModel(ModelConfig config, MemoryAssumptions assumptions) {
        this.config = Objects.requireNonNull(config, "config");
        this.assumptions = Objects.requireNonNull(assumptions, "assumptions");
    }

    /** @return the assumptions */
    public MemoryAssumptions assumptions() { return assumptions; }

    /** @return weight bytes */
    public long weightBytes() { return assumptions.weights().bytesFor(config.parameterCount()); }

    /** @return KV-cache bytes per token of one sequence: {@link ModelConfig#kvCacheElementsPerToken()} x bytes */
    public long kvBytesPerToken() {
        return assumptions.kvCache().bytesFor(config.kvCacheElementsPerToken());
    }

    /**
     * @param batch        sequences
     * @param inputTokens  prompt length I
     * @param outputTokens generated tokens O
     * @return KV-cache bytes for the batch at its full length I + O
     */
    public long kvCacheBytes(int batch, int inputTokens, int outputTokens) {
        long block = assumptions.kvBlockTokens();
        long tokens = (long) inputTokens + outputTokens;
        long rounded = (tokens + block - 1) / block * block;
        return batch * rounded * kvBytesPerToken();
    }

    /**
     * @param batch       sequences
     * @param inputTokens prompt length I
     * @return the estimated peak activation bytes of the batch's largest forward pass
     */
    public long activationBytes(int batch, int inputTokens) {
        long b = batch;
        long prefillTokens = b * inputTokens;
        if (assumptions.prefillChunkTokens() > 0) prefillTokens = Math.min(prefillTokens, assumptions.prefillChunkTokens());
        long prefillRows = assumptions.logits() == LmHeadPolicy.ALL_POSITIONS ? prefillTokens : Math.min(b, prefillTokens);
        long scores = assumptions.scoresMaterialized()
                ? assumptions.activations().bytesFor(2L * prefillTokens * config.numHeads() * inputTokens)
                : 0;
        long prefill = prefillTokens * perTokenActivationBytes() + prefillRows * logitsRowBytes() + scores;
        long decode = b * perTokenActivationBytes() + b * logitsRowBytes();
        return Math.max(prefill, decode);
    }

    private long perTokenActivationBytes() {
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long kv = config.kvDim();
        long fMoe = config.isMoe()
                ? (long) config.moeIntermediateSize() * (config.expertsPerToken() + config.sharedExperts()) : 0;
        long fDense = config.denseLayerCount() > 0 ? config.intermediateSize() : 0;
        long fActive = Math.max(fMoe, fDense);
        long elements = 2 * d + Math.max(2 * q + 2 * kv, 3 * fActive);
        return assumptions.activations().bytesFor(elements);
    }

    private long logitsRowBytes() { return 4L * config.vocabSize(); }

    /**
     * @param batch        sequences
     * @param inputTokens  prompt length I
     * @param outputTokens generated tokens O
     * @param deviceBytes  device memory in bytes
     * @return the footprint and the budget it is held against
     */
    public MemoryFootprint footprint(int batch, int inputTokens, int outputTokens, long deviceBytes) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("input and output tokens must be >= 1, got " + inputTokens + ", " + outputTokens);
        }
        long budget = (long) Math.floor(deviceBytes * assumptions.usableFraction());
        return new MemoryFootprint(batch, inputTokens, outputTokens, weightBytes(),
                kvCacheBytes(batch, inputTokens, outputTokens), activationBytes(batch, inputTokens),
                assumptions.reservedBytes(), budget);
    }

    /** @return {@link #footprint(int, int, int, long)} against the GPU's memory */
    public MemoryFootprint footprint(int batch, int inputTokens, int outputTokens, GpuSpec gpu) {
        return footprint(batch, inputTokens, outputTokens, gpu.memoryBytes());
    }

    /** @return {@link #largestBatch(int, int, long)} for the GPU's memory */
    public LargestBatch largestBatch(int inputTokens, int outputTokens, GpuSpec gpu) {
        return largestBatch(inputTokens, outputTokens, gpu.memoryBytes());
    }

    /**
     * The largest batch B(I, O) whose footprint fits, up to {@link MemoryAssumptions#maxBatch()}.
     *
     * @param inputTokens  prompt length I
     * @param outputTokens generated tokens O
     * @param deviceBytes  device memory in bytes
     * @return the batch with what limits it, or an empty batch when one sequence does not fit
     */
    public LargestBatch largestBatch(int inputTokens, int outputTokens, long deviceBytes) {
        MemoryFootprint one = footprint(1, inputTokens, outputTokens, deviceBytes);
        if (!one.fits()) {
            return new LargestBatch(inputTokens, outputTokens, OptionalInt.empty(), LargestBatch.Limit.NOTHING_FITS, one,
                    String.format(Locale.ROOT, "one sequence of %d+%d tokens needs %s, budget %s",
                            inputTokens, outputTokens, gib(one.total()), gib(one.budget())));
        }
        int lo = 1;
        int hi = assumptions.maxBatch();
        // footprint grows with the batch, so the largest fitting batch is found by bisection
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (footprint(mid, inputTokens, outputTokens, deviceBytes).fits()) lo = mid; else hi = mid - 1;
        }
        MemoryFootprint at = footprint(lo, inputTokens, outputTokens, deviceBytes);
        boolean capped = lo == assumptions.maxBatch();
        String why = capped
                ? String.format(Locale.ROOT, "batch cap %d reached (%s of %s used)", lo, gib(at.total()), gib(at.budget()))
                : String.format(Locale.ROOT, "batch %d uses %s of %s; batch %d would not fit",
                        lo, gib(at.total()), gib(at.budget()), lo + 1);
        return new LargestBatch(inputTokens, outputTokens, OptionalInt.of(lo),
                capped ? LargestBatch.Limit.CAP : LargestBatch.Limit.MEMORY, at, why);
    }

    private static String gib(long bytes) { return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30)); }
}
