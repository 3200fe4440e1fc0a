package org.llmenergy.model;

import java.util.Objects;

/**
 * The assumptions behind a memory footprint and the largest batch that fits. Every field is a stated
 * assumption, not a measurement; the presets say where their values come from.
 *
 * @param weights             weight precision
 * @param kvCache             KV-cache precision
 * @param activations         activation precision (logits are always counted in fp32, as Hugging Face and vLLM
 *                            upcast them before sampling)
 * @param usableFraction      fraction of device memory the engine may use, in (0, 1] (vLLM's
 *                            {@code gpu_memory_utilization}, default 0.9)
 * @param reservedBytes       bytes set aside for the CUDA context, the allocator's slack and CUDA graphs
 * @param kvBlockTokens       KV-cache allocation granularity in tokens per sequence (vLLM pages of 16 tokens; 1
 *                            for a contiguous cache)
 * @param prefillChunkTokens  most tokens one forward pass processes (vLLM's {@code max_num_batched_tokens}); 0
 *                            means the whole batch's prompts go through at once (static batching in Hugging Face)
 * @param logits              which prompt positions get logits in the prefill pass
 * @param scoresMaterialized  true when attention materialises the score matrix (eager attention), false for
 *                            flash/paged attention kernels
 * @param maxBatch            the largest batch to consider (the sweep's or engine's cap), at least 1
 */
public record MemoryAssumptions(
        Precision weights,
        Precision kvCache,
        Precision activations,
        double usableFraction,
        long reservedBytes,
        int kvBlockTokens,
        int prefillChunkTokens,
        LmHeadPolicy logits,
        boolean scoresMaterialized,
        int maxBatch) {

    private static final long GIB = 1L << 30;

    public MemoryAssumptions {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(kvCache, "kvCache");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(logits, "logits");
        if (!(usableFraction > 0 && usableFraction <= 1)) {
            throw new IllegalArgumentException("usableFraction must be in (0, 1], got " + usableFraction);
        }
        if (reservedBytes < 0) throw new IllegalArgumentException("reservedBytes must be >= 0, got " + reservedBytes);
        if (kvBlockTokens < 1) throw new IllegalArgumentException("kvBlockTokens must be >= 1, got " + kvBlockTokens);
        if (prefillChunkTokens < 0) {
            throw new IllegalArgumentException("prefillChunkTokens must be >= 0, got " + prefillChunkTokens);
        }
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
    }

    /**
     * vLLM-like serving in bf16: 90% of memory usable (vLLM's default {@code gpu_memory_utilization}), 1 GiB
     * reserved, 16-token KV pages, prefill chunks of 8,192 tokens, logits for the last position only, flash
     * attention, batches up to 1,024 (the paper's largest batch size).
     *
     * @return the assumptions
     */
    public static MemoryAssumptions vllmBf16() {
        return new MemoryAssumptions(Precision.BF16, Precision.BF16, Precision.BF16, 0.90, GIB, 16, 8192,
                LmHeadPolicy.LAST_POSITION, false, 1024);
    }

    /** @return a copy with a different batch cap */
    public MemoryAssumptions withMaxBatch(int cap) {
        return new MemoryAssumptions(weights, kvCache, activations, usableFraction, reservedBytes, kvBlockTokens,
                prefillChunkTokens, logits, scoresMaterialized, cap);
    }

    /** @return a copy with a different usable fraction of device memory */
    public MemoryAssumptions withUsableFraction(double fraction) {
        return new MemoryAssumptions(weights, kvCache, activations, fraction, reservedBytes, kvBlockTokens,
                prefillChunkTokens, logits, scoresMaterialized, maxBatch);
    }
}
