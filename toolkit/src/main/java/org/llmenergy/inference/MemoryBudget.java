package org.llmenergy.inference;

import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import org.llmenergy.model.ModelConfig;

/**
 * Refuses to start something that cannot fit, before allocating it, so a too-large model or KV cache is a clear
 * message instead of an out-of-memory kill. Available memory: on the CPU the smaller of {@code MemAvailable} and
 * the memory cgroup's headroom ({@link HostMemory}), free memory from {@code cudaMemGetInfo} on a GPU. When neither
 * can be read the check is skipped.
 */
final class MemoryBudget {
    private MemoryBudget() {}

    /**
     * @param what   what is about to be allocated, for the message
     * @param bytes  its size
     * @param device where
     * @throws InsufficientMemoryException when it does not fit
     */
    static void require(String what, long bytes, ComputeDevice device) {
        OptionalLong available = available(device);
        if (available.isPresent() && bytes > available.getAsLong()) {
            throw new InsufficientMemoryException(String.format(Locale.ROOT,
                    "out of memory: %s needs about %.2f GB but only %.2f GB is available on %s (memory limit of the"
                            + " machine, or of the cgroup that Slurm --mem or a container sets); use a smaller batch,"
                            + " input or model", what, bytes / 1e9, available.getAsLong() / 1e9, device.label()),
                    bytes, available.getAsLong());
        }
    }

    /**
     * An estimate of the activation memory one forward step of this engine adds to the process at its peak. Each
     * layer frees its intermediates when it ends and a long prefill runs in passes of at most {@code maxPassTokens}
     * tokens (see {@link Transformer}), so the peak is the last pass of the step, one layer at a time:
     * <ul>
     *   <li>the layer's intermediates, per token, counted operation by operation as {@link Transformer} allocates
     *       them: the two norms (squares and scaled rows, fp32), QKV, the rotary terms of queries and keys (four
     *       products and sums), the query chunk copy, the attention output (chunk parts, their concatenation and
     *       the head transpose), output projection, residual sum, and SwiGLU (gate and up, sigmoid, two products,
     *       down projection, residual sum); plus the residual stream entering the layer;</li>
     *   <li>the attention scores of the pass's queries over the keys each can see (a causal pass of n queries
     *       ending at position e reads {@code n (e - n) + n (n + 1) / 2} keys per head), fp32, once. Only one query
     *       chunk's scores and probabilities are live at a time, but the chunks of a layer have different sizes and
     *       the allocator keeps freed heap blocks resident, so the process's resident memory grows by a share of
     *       the pass's scores that depends on the chunk sizes (it grew with the score bound: 16 MiB chunks held
     *       about 120 MB more than 4 MiB ones at 8,192 tokens); counting them once bounds it (LongPrefillMemory on small-100m, batch 1, 1,024-token passes, 16 MiB chunks,
     *       2026-11-27: activations measured at 179-355 MB at 8,192 tokens, run to run, against 483 MB counted
     *       here, 161-177 MB at 2,048 against 181 MB; with the resident memory after loading and the KV cache,
     *       1.11-1.15x the measured peak at 8,192 in four runs of five, 1.30x in the fifth, and 1.00-1.02x at
     *       2,048). The former count, scores and probabilities of every query over all keys, predicted
     *       1.25-1.45x the measured peak. The fused attention ({@link ScriptedAttention}, the default since issue 11's
     *       fourth round) writes no scores, yet the measured peak did not fall (8,192 tokens: 1,150-1,238 MB, against
     *       1,183-1,223 MB chunked): it holds the repeated keys and values and a mask, and the rest of the layer and
     *       the allocator's retained blocks set the peak. Counting the scores still bounds it, at 1.16-1.17x the
     *       measured peak at 8,192 and 1.01-1.04x at 2,048; a count of the fused block's own buffers instead
     *       predicted 0.83x, too low (benchmarks/README.md, fourth round);</li>
     *   <li>fp32 logits of the last position of each sequence and what the decoding strategy derives from them
     *       (four rows of vocabulary width, as before).</li>
     * </ul>
     *
     * @param config            the architecture
     * @param rows              sequences in the step (batch x beams)
     * @param t                 new tokens per sequence in the step (the prompt length for prefill)
     * @param pos               positions already cached
     * @param bytesPerElement   activation precision, bytes
     * @param maxPassTokens     tokens per forward pass ({@link EngineOptions#maxPrefillTokens()})
     * @return bytes
     * @throws ArithmeticException when the figure exceeds a long (it fits nowhere)
     */
    static long activationBytes(ModelConfig config, long rows, long t, long pos, int bytesPerElement,
                                long maxPassTokens) {
        long positions = Math.max(1, Math.min(t, maxPassTokens / Math.max(1, rows)));
        long tokens = Math.multiplyExact(rows, positions);
        long end = pos + t;
        long visibleKeys = Math.addExact(Math.multiplyExact(positions, end - positions), positions * (positions + 1) / 2);
        long scores = Math.multiplyExact(Math.multiplyExact(rows, (long) config.numHeads() * 4L), visibleKeys);
        long d = config.hiddenSize();
        long q = (long) config.numHeads() * config.headDim();
        long rotated = (long) (config.numHeads() + config.numKvHeads()) * config.headDim();
        long qkv = rotated + (long) config.numKvHeads() * config.headDim();
        long f = config.intermediateSize();
        long norms = 2L * 2L * d * 4L;                                        // fp32 whatever the precision
        long attention = (qkv + 4L * rotated + 4L * q + 2L * d) * bytesPerElement;
        long mlp = (5L * f + 2L * d) * bytesPerElement;
        long residual = d * bytesPerElement;
        long perToken = norms + attention + mlp + residual;
        long logits = Math.multiplyExact(rows, 4L * config.vocabSize() * 4L);
        return Math.addExact(Math.addExact(scores, logits), Math.multiplyExact(tokens, perToken));
    }

    static OptionalLong available(ComputeDevice device) {
        if (device.gpu()) {
            try {
                MemoryUsage m = CudaUtils.getGpuMemory(device.toDjl());
                return OptionalLong.of(m.getMax() - m.getCommitted());
            } catch (RuntimeException e) {
                return OptionalLong.empty();
            }
        }
        return new HostMemory(Path.of("/")).available();
    }
}
