package org.llmenergy.model;

/** Where the prefill pass applies the LM head (the hidden-to-vocabulary matmul). */
public enum LmHeadPolicy {
    /**
     * Only the last prompt position, whose logits pick the first output token. This is what vLLM computes and
     * what Hugging Face {@code generate()} does in transformers versions that pass {@code logits_to_keep}
     * (earlier {@code num_logits_to_keep}) to the model.
     */
    LAST_POSITION,
    /**
     * Every prompt position, as a plain forward of the whole prompt does (and therefore what the DeepSpeed FLOPs
     * profiler reports for {@code model(input_ids)}, and for {@code generate()} in transformers versions that
     * computed all logits).
     */
    ALL_POSITIONS
}
