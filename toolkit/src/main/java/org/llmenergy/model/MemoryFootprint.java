package org.llmenergy.model;

/**
 * Device memory one batch needs, by part, in bytes.
 *
 * @param batchSize     sequences in the batch
 * @param inputTokens   prompt length I per sequence
 * @param outputTokens  generated tokens O per sequence
 * @param weights       model weights
 * @param kvCache       KV cache for {@code batchSize} sequences of I + O tokens (rounded up to whole blocks)
 * @param activations   peak transient activations of the largest forward pass (logits included)
 * @param reserved      CUDA context and allocator slack, as assumed
 * @param budget        usable device memory: memory x usable fraction
 */
public record MemoryFootprint(int batchSize, int inputTokens, int outputTokens, long weights, long kvCache,
                              long activations, long reserved, long budget) {
    /** @return weights + KV cache + activations + reserved, in bytes */
    public long total() { return weights + kvCache + activations + reserved; }

    /** @return true when the total is within the budget */
    public boolean fits() { return total() <= budget; }
}
