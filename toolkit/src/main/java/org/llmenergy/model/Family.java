package org.llmenergy.model;

/**
 * Decoder-only transformer families the toolkit knows, which differ in a few architectural details. Only
 * {@link #LLAMA}, {@link #QWEN2} and {@link #OLMO} (dense) run on the toolkit's DJL transformer; the others are
 * described for analytic FLOPs, bytes and energy only, and the engine refuses them.
 */
public enum Family {
    /** Llama 3.x and Code Llama: RMSNorm, rotary embeddings, grouped-query attention, SwiGLU. */
    LLAMA(2, false, true),
    /** Qwen2 (and the DeepSeek-R1 Qwen distills): Llama's shape plus a bias on the Q, K and V projections. */
    QWEN2(2, false, true),
    /** OLMo (v1): non-parametric layer norm (no learned scale or bias), otherwise Llama-like with SwiGLU. */
    OLMO(2, false, true),
    /** Qwen3 dense: Llama's shape with RMSNorm on each query and key head (q_norm, k_norm), no QKV bias. */
    QWEN3(2, true, true),
    /** Qwen3-MoE: Qwen3 attention, every layer a routed mixture of experts without shared experts. */
    QWEN3_MOE(2, true, true),
    /** Mistral 7B / Nemo / Large: Llama's shape (v0.3 and later without a sliding window). */
    MISTRAL(2, false, true),
    /** Mixtral: Mistral attention, every layer 8 routed SwiGLU experts, top-2. */
    MIXTRAL(2, false, true),
    /** Gemma 1 and CodeGemma: GeGLU, two RMSNorms per layer, tied embeddings, full attention. */
    GEMMA(2, false, true),
    /** Gemma 2: GeGLU, four RMSNorms per layer, alternating local (sliding-window) and global layers. */
    GEMMA2(4, false, true),
    /** Gemma 3 text: Gemma 2 plus q/k norms, five sliding-window layers to one global layer. */
    GEMMA3(4, true, true),
    /** DeepSeek-V3 / V3.1: multi-head latent attention, first layers dense, then shared + routed experts. */
    DEEPSEEK_V3(2, false, true),
    /** gpt-oss: biased attention with sinks, alternating 128-token window, routed experts with MXFP4 weights. */
    GPT_OSS(2, false, true),
    /** Phi-3 mini/medium: Llama-like with fused QKV and gate/up projections (same parameter count). */
    PHI3(2, false, true),
    /** StarCoder2: layer norm with bias, biased projections, a plain (ungated) GELU MLP. */
    STARCODER2(2, false, false);

    private final int normsPerLayer;
    private final boolean qkNorm;
    private final boolean gatedMlp;

    Family(int normsPerLayer, boolean qkNorm, boolean gatedMlp) {
        this.normsPerLayer = normsPerLayer;
        this.qkNorm = qkNorm;
        this.gatedMlp = gatedMlp;
    }

    /** @return learned normalisation vectors of width d per decoder layer (0 for OLMo's parameter-free norm) */
    public int normVectorsPerLayer() { return normsPerLayer * vectorsPerNorm(); }

    /** @return learned vectors of width d per normalisation: 0 (OLMo), 1 (RMSNorm scale), 2 (LayerNorm scale and bias) */
    public int vectorsPerNorm() {
        if (this == OLMO) return 0;
        return this == STARCODER2 ? 2 : 1;
    }

    /** @return true when each query and key head is normalised with its own learned vector of width headDim */
    public boolean qkNorm() { return qkNorm; }

    /** @return true for a gated MLP (gate, up and down matrices: SwiGLU/GeGLU); false for up and down only */
    public boolean gatedMlp() { return gatedMlp; }
}
