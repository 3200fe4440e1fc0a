/**
 * A DJL-backed decoder-only transformer (Llama, Qwen2, OLMo families): weights (seeded random or
 * Hugging Face safetensors, read by its own reader so files and tensors above 2 GB work), KV cache, batched
 * prefill and decode with forced lengths, decoding strategies (greedy, temperature, top-p, beam, speculative)
 * and latency metrics. Uses {@code model}.
 *
 * <p>Entry points: {@link org.llmenergy.inference.InferenceEngine#load} with a
 * {@link org.llmenergy.inference.ModelSource} and {@link org.llmenergy.inference.EngineOptions}, then
 * {@link org.llmenergy.inference.InferenceEngine#run} with a {@link org.llmenergy.inference.RunSpec}, or
 * {@link org.llmenergy.inference.CellRunner} for warm-up and repeats. Measurement seam:
 * {@link org.llmenergy.inference.PhaseListener} (phase edges, after a device sync) and
 * {@link org.llmenergy.inference.DeviceSync}.
 *
 * <p>Before allocating, the engine checks weights, KV cache and prefill activations against the memory left
 * (the cgroup's limit included) and refuses with an {@link org.llmenergy.inference.InsufficientMemoryException};
 * its OpenMP threads wait passively ({@link org.llmenergy.inference.WaitPolicy}), so spinning is not counted as
 * work. Which {@link org.llmenergy.model.Precision}s the engine runs, and the bf16 refusal, live in
 * {@link org.llmenergy.inference.DjlDataTypes}.
 *
 * <p>Attention runs through libtorch's fused scaled-dot-product attention, which DJL's NDArray API lacks, by a
 * TorchScript block shipped as a resource ({@code causal_attention.pt}, from {@code src/main/python}); without it
 * the engine's own chunked attention runs ({@code ScriptedAttention}, {@link
 * org.llmenergy.inference.InferenceEngine#attentionPath()}).
 */
package org.llmenergy.inference;
