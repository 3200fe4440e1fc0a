package org.llmenergy.inference;

import java.util.Objects;
import org.llmenergy.model.Precision;

/**
 * How an {@link InferenceEngine} runs its model.
 *
 * @param device              CPU or GPU
 * @param precision           weights and activations precision
 * @param intraOpThreads      PyTorch intra-op threads; 0 leaves the engine's default (set process-wide, since
 *                            libtorch has one thread pool)
 * @param maxAttentionBytes   upper bound, in bytes, on one attention score tensor; larger batches and longer
 *                            prompts are processed in chunks of sequences, then of queries, so that prefill memory
 *                            stays bounded
 * @param maxPrefillTokens    most tokens (sequences x positions) one forward pass processes; a longer prefill runs
 *                            as successive passes over position chunks of the prompt through the KV cache (chunked
 *                            prefill), so its activation memory does not grow with the prompt
 * @param scriptedAttention   true to attend through libtorch's fused scaled-dot-product attention
 *                            ({@link ScriptedAttention}) when it loads, false for the engine's own chunked attention
 *                            (materialised scores bounded by {@code maxAttentionBytes}); the engine falls back to the
 *                            latter, and says why, when the scripted block is absent
 */
public record EngineOptions(ComputeDevice device, Precision precision, int intraOpThreads, long maxAttentionBytes,
                            int maxPrefillTokens, boolean scriptedAttention) {
    /**
     * Default bound on one attention score tensor: 16 MiB. On the CPU libtorch allocates through malloc, and glibc
     * serves blocks above its mmap threshold (at most 32 MiB on 64-bit, mallopt(3), glibc 2.36, 2022) with fresh
     * mmap'd pages each time, so every such tensor costs page faults (issue 11: 2,048-token prefill of small-100m
     * spent 23 s of system time with 256 MiB score tensors and 2,048-token passes, 0.8 s with 16 MiB and 1,024).
     * Smaller blocks are reused from the heap.
     */
    public static final long DEFAULT_MAX_ATTENTION_BYTES = 16L << 20;
    /**
     * Default tokens per forward pass: 1,024. A pass of 1,024 rows keeps the matrix products as efficient as one
     * pass over the whole prompt (benchmarks/README.md, InferenceThroughput), one layer's intermediates stay a fixed
     * size whatever the prompt length, and for models up to small-100m's width every intermediate stays under the
     * mmap threshold described at {@link #DEFAULT_MAX_ATTENTION_BYTES}.
     */
    public static final int DEFAULT_MAX_PREFILL_TOKENS = 1024;

    public EngineOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(precision, "precision");
        if (intraOpThreads < 0) throw new IllegalArgumentException("intraOpThreads must be >= 0, got " + intraOpThreads);
        if (maxAttentionBytes < 1024) throw new IllegalArgumentException("maxAttentionBytes must be >= 1024, got " + maxAttentionBytes);
        if (maxPrefillTokens < 1) throw new IllegalArgumentException("maxPrefillTokens must be >= 1, got " + maxPrefillTokens);
    }

    /** Options with the scripted attention when it loads. */
    public EngineOptions(ComputeDevice device, Precision precision, int intraOpThreads, long maxAttentionBytes,
                         int maxPrefillTokens) {
        this(device, precision, intraOpThreads, maxAttentionBytes, maxPrefillTokens, true);
    }

    /** Options with the default prefill chunk ({@link #DEFAULT_MAX_PREFILL_TOKENS}). */
    public EngineOptions(ComputeDevice device, Precision precision, int intraOpThreads, long maxAttentionBytes) {
        this(device, precision, intraOpThreads, maxAttentionBytes, DEFAULT_MAX_PREFILL_TOKENS);
    }

    /** @return fp32 on the CPU with the engine's default thread count */
    public static EngineOptions cpu() { return new EngineOptions(ComputeDevice.CPU, Precision.FP32, 0, DEFAULT_MAX_ATTENTION_BYTES); }

    /** @return a copy with another device */
    public EngineOptions withDevice(ComputeDevice d) { return new EngineOptions(d, precision, intraOpThreads, maxAttentionBytes, maxPrefillTokens, scriptedAttention); }

    /** @return a copy with another precision */
    public EngineOptions withPrecision(Precision p) { return new EngineOptions(device, p, intraOpThreads, maxAttentionBytes, maxPrefillTokens, scriptedAttention); }

    /** @return a copy with another intra-op thread count (0 = engine default) */
    public EngineOptions withThreads(int n) { return new EngineOptions(device, precision, n, maxAttentionBytes, maxPrefillTokens, scriptedAttention); }

    /** @return a copy with another bound on one attention score tensor, in bytes */
    public EngineOptions withMaxAttentionBytes(long b) { return new EngineOptions(device, precision, intraOpThreads, b, maxPrefillTokens, scriptedAttention); }

    /** @return a copy with another bound on the tokens of one forward pass (sequences x positions) */
    public EngineOptions withMaxPrefillTokens(int tokens) {
        return new EngineOptions(device, precision, intraOpThreads, maxAttentionBytes, tokens, scriptedAttention);
    }

    /** @return a copy that attends through the scripted fused attention when it loads (true) or never (false) */
    public EngineOptions withScriptedAttention(boolean scripted) {
        return new EngineOptions(device, precision, intraOpThreads, maxAttentionBytes, maxPrefillTokens, scripted);
    }
}
