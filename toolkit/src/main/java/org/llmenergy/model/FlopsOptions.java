package org.llmenergy.model;

import java.util.Objects;

/**
 * What {@link FlopsModel} counts beyond the weight matmuls.
 *
 * @param prefillLmHead    where the prefill pass applies the LM head
 * @param prefillAttention how prefill attention is counted
 * @param decodeAttention  true to count the decode steps' attention over the KV cache (scores and values)
 */
public record FlopsOptions(LmHeadPolicy prefillLmHead, PrefillAttention prefillAttention, boolean decodeAttention) {

    /**
     * The default: the arithmetic a KV-cached generation needs. LM head on the last prompt position only, causal
     * prefill attention, decode attention over the cache.
     */
    public static final FlopsOptions KV_CACHED = new FlopsOptions(LmHeadPolicy.LAST_POSITION, PrefillAttention.CAUSAL, true);

    /**
     * Close to what the DeepSpeed profiler reports for a Hugging Face Llama with eager attention: LM head on every
     * prompt position and the full I*I score matrix. (Element-wise ops, softmax and norms, which the profiler also
     * counts, are left out here as everywhere; see {@link FlopsModel}.)
     */
    public static final FlopsOptions DEEPSPEED_EAGER = new FlopsOptions(LmHeadPolicy.ALL_POSITIONS, PrefillAttention.FULL_SQUARE, true);

    public FlopsOptions {
        Objects.requireNonNull(prefillLmHead, "prefillLmHead");
        Objects.requireNonNull(prefillAttention, "prefillAttention");
    }
}
