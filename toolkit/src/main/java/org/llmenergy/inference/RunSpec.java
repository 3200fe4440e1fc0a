package org.llmenergy.inference;

import java.util.Objects;

/**
 * One generation run: {@code batch} sequences of exactly {@code inputTokens} prompt tokens, each continued by
 * exactly {@code outputTokens} tokens.
 *
 * @param batch        sequences processed together
 * @param inputTokens  prompt length per sequence, in tokens
 * @param outputTokens generated tokens per sequence (the first comes from prefill), &gt;= 1
 * @param decoding     how tokens are chosen
 * @param prompt       where the prompt tokens come from
 * @param seed         seed of the prompt generator and of every sampling decision
 */
public record RunSpec(int batch, int inputTokens, int outputTokens, Decoding decoding, Prompt prompt, long seed) {
    public RunSpec {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        if (inputTokens < 1) throw new IllegalArgumentException("input must be >= 1 token, got " + inputTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("output must be >= 1 token, got " + outputTokens);
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(prompt, "prompt");
    }

    /** A greedy run on random prompt tokens. */
    public static RunSpec greedy(int batch, int inputTokens, int outputTokens, long seed) {
        return new RunSpec(batch, inputTokens, outputTokens, new Decoding.Greedy(), new Prompt.RandomTokens(), seed);
    }

    /** @return a copy with another decoding strategy */
    public RunSpec withDecoding(Decoding d) { return new RunSpec(batch, inputTokens, outputTokens, d, prompt, seed); }

    /** @return a copy with another seed */
    public RunSpec withSeed(long s) { return new RunSpec(batch, inputTokens, outputTokens, decoding, prompt, s); }
}
