/**
 * A DJL-backed decoder-only transformer (Llama, Qwen2, OLMo families): weights (seeded random or
 * Hugging Face safetensors), KV cache, batched prefill and decode with forced lengths, decoding strategies
 * and latency metrics. Uses {@code model}.
 */
package org.llmenergy.inference;
