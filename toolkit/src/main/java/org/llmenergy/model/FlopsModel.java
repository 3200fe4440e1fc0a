package org.llmenergy.model;

import java.util.Objects;

/**
 * Analytic floating-point operations of one generation request for a decoder-only transformer, at 2 FLOPs per
 * multiply-accumulate (MAC).
 *
 * <h2>What is counted</h2>
 * With d = hidden size, h = query heads, k = key/value heads, e = head dimension, f = MLP inner width,
 * V = vocabulary, L = layers, E = experts and r = experts per token:
 * <ul>
 *   <li><b>Weight matmuls, per token and layer:</b> Q {@code 2·d·h·e}, K and V {@code 2·2·d·k·e}, output
 *       projection {@code 2·h·e·d}; SwiGLU MLP (gate, up, down) {@code 2·3·d·f}. A mixture-of-experts layer
 *       counts its r active experts, {@code r·2·3·d·f} (f = the expert width), its shared experts and the
 *       router {@code 2·d·E}. MLA, ungated MLPs and leading dense layers follow
 *       {@link ModelConfig#activeParameterCount()}: twice its weight matrices, LM head apart.</li>
 *   <li><b>LM head:</b> {@code 2·d·V} per position it is applied to: every decode step, and in prefill either
 *       the last prompt position or all of them ({@link LmHeadPolicy}).</li>
 *   <li><b>Attention with a KV cache:</b> {@code 4·h·e} per query-key pair and layer (scores QK^T and the
 *       weighted sum of V, 2 FLOPs per MAC each; in general {@link ModelConfig#attentionFlopsPerAttendedToken()}).
 *       A sliding-window layer attends at most its window of keys. Prefill of I tokens is causal: I(I+1)/2 pairs (or I^2, or
 *       nothing; {@link PrefillAttention}). Decode step t = 1 .. O-1 processes the token at position I+t and
 *       attends I+t cached keys, itself included.</li>
 *   <li><b>Phases:</b> the prefill pass handles the whole prompt and yields the first output token; the other
 *       O - 1 tokens come from decode steps. This matches the split the paper's figures suggest (prefill = a
 *       run that produces one token; decode = the rest; digest section 2.2).</li>
 * </ul>
 * <b>Not counted:</b> the embedding lookup (a gather), normalisations, rotary embeddings, softmax, the SwiGLU
 * activation and product, residual adds and biases: together well under 1% for d = 4096 models. Sampling and
 * beam bookkeeping are not counted either.
 *
 * <h2>Compared with the paper's DeepSpeed-profiler FLOPs</h2>
 * Fernandez et al. (ACL 2025, section 4.2 and footnote 5) took FLOPs(I*, O*) from the DeepSpeed FLOPs
 * profiler without saying how it was called. The profiler (microsoft/DeepSpeed,
 * {@code deepspeed/profiling/flops_profiler/profiler.py}) monkey-patches {@code F.linear} (2·MACs),
 * {@code torch.matmul/bmm/mm} (2·MACs of the full operand shapes), softmax, norms and activations (one FLOP
 * per element) and counts {@code F.embedding} as 0. So, against this model:
 * <ul>
 *   <li>Profiling a plain forward of the prompt counts the LM head on <i>every</i> prompt position
 *       ({@link FlopsOptions#DEEPSPEED_EAGER}); for Llama-3.1-8B that is 1.05 GFLOP per prompt token more
 *       (about +7% on prefill).</li>
 *   <li>With eager attention it counts the full I×I score and value matmuls, masked half included (about 2x
 *       our causal attention). With PyTorch's {@code scaled_dot_product_attention} (the Hugging Face default
 *       since transformers 4.36) the profiler version we read (microsoft/DeepSpeed commit 009c548) hooks nothing
 *       for attention, so attention FLOPs are zero ({@link PrefillAttention#NOT_COUNTED}).</li>
 *   <li>Profiling {@code generate()} with the KV cache counts each decode step as a one-token forward whose
 *       attention matmuls span the cache, as here. Profiling generation <i>without</i> a cache
 *       ({@code use_cache=False}) re-runs the whole growing sequence every step, roughly
 *       {@code O·(I + O/2)} tokens' worth of weight FLOPs instead of {@code I + O}: orders of magnitude more for
 *       long prompts, and not what any serving engine executes.</li>
 *   <li>It adds the small element-wise terms we leave out.</li>
 * </ul>
 * Which of these the paper's numbers include is unknown (digest section 9, item 5); the options make each
 * reading computable.
 */
public final class FlopsModel {
    private final ModelConfig config;
    private final FlopsOptions options;
    private final double linearPerToken;
    private final double lmHeadPerPosition;
    private final double attentionPerPair;
    private final double attentionPerLayerPair;
    private final int localLayers;
    private final int globalLayers;
    private final long window;

    /**
     * @param config  the architecture
     * @param options what to count besides the weight matmuls
     */
    public FlopsModel(ModelConfig config, FlopsOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        this.linearPerToken = 2.0 * config.linearWeightsPerToken();
        this.lmHeadPerPosition = 2.0 * config.lmHeadParameters();
        this.attentionPerLayerPair = config.attentionFlopsPerAttendedToken();
        this.attentionPerPair = attentionPerLayerPair * config.numLayers();
        this.localLayers = config.slidingWindow().localLayers(config.numLayers());
        this.globalLayers = config.numLayers() - localLayers;
        this.window = config.slidingWindow().tokens();
    }

    /** @return a model with the default {@link FlopsOptions#KV_CACHED} options */
    public static FlopsModel of(ModelConfig config) { return new FlopsModel(config, FlopsOptions.KV_CACHED); }

    /** @return the architecture */
    public ModelConfig config() { return config; }

    /** @return the counting options */
    public FlopsOptions options() { return options; }

    /** @return weight-matmul FLOPs per token through all layers, LM head excluded (for MoE: active experts) */
    public double linearFlopsPerToken() { return linearPerToken; }

    /** @return LM-head FLOPs per position it is applied to, {@code 2·d·V} */
    public double lmHeadFlopsPerPosition() { return lmHeadPerPosition; }

    /** @return attention FLOPs per query-key pair through all layers, {@code 4·h·e·L} (windows not applied) */
    public double attentionFlopsPerPair() { return attentionPerPair; }

    /**
     * @param inputTokens prompt length I, at least 1
     * @return FLOPs of the prefill pass over the prompt
     */
    public double prefill(int inputTokens) {
        requireAtLeastOne("inputTokens", inputTokens);
        double i = inputTokens;
        double head = options.prefillLmHead() == LmHeadPolicy.ALL_POSITIONS ? i : 1;
        double attn = switch (options.prefillAttention()) {
            case CAUSAL -> attentionPerLayerPair * (globalLayers * (i * (i + 1) / 2) + localLayers * sumMin(1, inputTokens));
            case FULL_SQUARE -> attentionPerPair * i * i; // an eager masked matmul computes every pair, window or not
            case NOT_COUNTED -> 0;
        };
        return linearPerToken * i + lmHeadPerPosition * head + attn;
    }

    /**
     * FLOPs of one decode step.
     *
     * @param contextTokens keys the new token attends, itself included (I + t at step t)
     * @return FLOPs of the step
     */
    public double decodeStep(long contextTokens) {
        if (contextTokens < 1) throw new IllegalArgumentException("contextTokens must be >= 1, got " + contextTokens);
        double attn = options.decodeAttention() ? attentionPerLayerPair * config.attendedContext(contextTokens) : 0;
        return linearPerToken + lmHeadPerPosition + attn;
    }

    /**
     * @param inputTokens  prompt length I, at least 1
     * @param outputTokens generated tokens O, at least 1 (O - 1 decode steps)
     * @return FLOPs of all decode steps
     */
    public double decode(int inputTokens, int outputTokens) {
        requireAtLeastOne("inputTokens", inputTokens);
        requireAtLeastOne("outputTokens", outputTokens);
        double steps = outputTokens - 1.0;
        double fullPairs = steps * inputTokens + steps * (steps + 1) / 2;
        double localPairs = sumMin((long) inputTokens + 1, (long) inputTokens + outputTokens - 1);
        double attn = options.decodeAttention()
                ? attentionPerLayerPair * (globalLayers * fullPairs + localLayers * localPairs) : 0;
        return (linearPerToken + lmHeadPerPosition) * steps + attn;
    }

    /**
     * @param inputTokens  prompt length I (for a binned workload, the bin's upper edge I*)
     * @param outputTokens generated tokens O (O*)
     * @return the request's FLOPs by phase
     */
    public RequestFlops request(int inputTokens, int outputTokens) {
        return new RequestFlops(inputTokens, outputTokens, prefill(inputTokens), decode(inputTokens, outputTokens));
    }

    /** Sum of min(j, window) for j = from .. to (0 when to < from): the keys a sliding-window layer attends. */
    private double sumMin(long from, long to) {
        if (to < from || localLayers == 0) return 0;
        double w = window;
        if (to <= window) return (double) (from + to) * (to - from + 1) / 2;
        if (from > window) return w * (to - from + 1);
        return (double) (from + window) * (window - from + 1) / 2 + w * (to - window);
    }

    private static void requireAtLeastOne(String what, int v) {
        if (v < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }
}
