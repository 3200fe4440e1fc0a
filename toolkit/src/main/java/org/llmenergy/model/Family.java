package org.llmenergy.model;

/** Decoder-only transformer families the toolkit knows, which differ in a few architectural details. */
public enum Family {
    /** Llama 3.x: RMSNorm, rotary embeddings with Llama-3 frequency scaling, grouped-query attention, SwiGLU. */
    LLAMA,
    /** Qwen2 (and the DeepSeek-R1 Qwen distills): Llama's shape plus a bias on the Q, K and V projections. */
    QWEN2,
    /** OLMo (v1): non-parametric layer norm (no learned scale or bias), otherwise Llama-like with SwiGLU. */
    OLMO
}
