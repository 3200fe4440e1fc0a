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
     * An upper estimate of the activation memory one forward step of this engine holds at its peak. Each layer
     * frees its intermediates when it ends and a long prefill runs in passes of at most {@code maxPassTokens}
     * tokens (see {@link Transformer}), so the peak is one layer of one pass: per token the layer's intermediates
     * (norms, QKV and its rotations, attention output, SwiGLU) at {@code bytesPerElement}, the residual stream
     * entering and leaving the layer, the fp32 scores and probabilities of the pass's queries over all keys, and
     * fp32 rows of vocabulary width for the logits. The scores are computed and freed in query chunks of at most
     * {@link EngineOptions#maxAttentionBytes()}, yet the process's resident memory grows as if the whole pass's
     * scores were held (the allocator does not hand the freed chunks back to the system), so they are counted: measured on small-100m, batch 1, the estimate plus the resident memory after
     * loading is 1.13x the peak resident memory at input 2,048 and 1.17-1.25x at 8,192 (benchmarks/README.md,
     * LongPrefillMemory, 2026-11-27); counting one chunk only gave 0.67x at 8,192.
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
        long scores = Math.multiplyExact(Math.multiplyExact(tokens, 2L * config.numHeads() * 4L), pos + t);
        long qkvWidth = (long) (config.numHeads() + 2L * config.numKvHeads()) * config.headDim();
        long perTokenLayer = (12L * config.hiddenSize() + 10L * qkvWidth + 6L * config.intermediateSize()) * bytesPerElement;
        long residual = 2L * config.hiddenSize() * bytesPerElement;
        long logits = Math.multiplyExact(rows, 4L * config.vocabSize() * 4L);
        return Math.addExact(Math.addExact(scores, logits), Math.multiplyExact(tokens, perTokenLayer + residual));
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
