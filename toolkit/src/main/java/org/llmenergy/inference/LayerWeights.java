package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;

/**
 * The weights of one decoder layer, in Hugging Face's {@code [out, in]} layout so that libtorch's {@code linear}
 * (the call transformers makes) multiplies them without a transpose. Q, K and V are fused into one matrix, and
 * so are the SwiGLU gate and up projections, which halves the number of matrix products per layer.
 *
 * @param attnNorm RMSNorm scale before attention, {@code [d]}; null for OLMo's non-parametric layer norm
 * @param qkv      fused query, key and value projection, {@code [(H + 2 Hkv) * hd, d]}
 * @param qkvBias  fused bias {@code [(H + 2 Hkv) * hd]} for Qwen2, else null
 * @param o        output projection {@code [d, H * hd]}
 * @param mlpNorm  RMSNorm scale before the MLP, {@code [d]}; null for OLMo
 * @param gateUp   fused gate and up projections {@code [2 I, d]}, gate first
 * @param down     down projection {@code [d, I]}
 */
record LayerWeights(NDArray attnNorm, NDArray qkv, NDArray qkvBias, NDArray o, NDArray mlpNorm, NDArray gateUp,
                    NDArray down) {
}
