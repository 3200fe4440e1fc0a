package org.llmenergy.model;

/**
 * Floating-point operations of one request, split into its two phases.
 *
 * @param inputTokens  prompt length I, in tokens
 * @param outputTokens generated tokens O (the first comes from the prefill pass)
 * @param prefill      FLOPs of the prefill pass (the whole prompt, producing the first output token)
 * @param decode       FLOPs of the O - 1 decode steps that produce the remaining tokens
 */
public record RequestFlops(int inputTokens, int outputTokens, double prefill, double decode) {
    /** @return prefill + decode, in FLOPs */
    public double total() { return prefill + decode; }
}
