package org.llmenergy.model;

/** How the prefill pass's attention scores and weighted values are counted for a prompt of I tokens. */
public enum PrefillAttention {
    /**
     * Causal: query position p (1-based) attends p keys, I(I+1)/2 query-key pairs in all. The arithmetic the
     * model needs; flash-attention kernels skip the masked blocks and come close to it.
     */
    CAUSAL,
    /**
     * Full square: I*I query-key pairs, the mask applied afterwards. What an eager {@code matmul} attention
     * executes, and what profilers that hook the matmul (DeepSpeed's) count.
     */
    FULL_SQUARE,
    /**
     * Not counted at all: what DeepSpeed's profiler reports when the model uses
     * {@code torch.nn.functional.scaled_dot_product_attention}, which the profiler version we read does not hook.
     */
    NOT_COUNTED
}
