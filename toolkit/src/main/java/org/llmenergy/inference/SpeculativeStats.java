package org.llmenergy.inference;

/**
 * What speculative decoding did in one run.
 *
 * @param acceptance     {@code "verified-greedy"}, {@code "verified-sampling"} (real verification against the
 *                       target) or {@code "simulated"} (random weights; acceptance drawn at the configured rate)
 * @param configuredRate the configured per-token acceptance probability, or null when verified
 * @param gamma          tokens proposed per round
 * @param rounds         draft-then-verify rounds
 * @param proposed       draft tokens proposed, summed over rounds (per sequence)
 * @param accepted       draft tokens kept, summed over rounds (per sequence)
 */
public record SpeculativeStats(String acceptance, Double configuredRate, int gamma, int rounds, long proposed,
                               long accepted) {
    /** @return accepted / proposed, or NaN when nothing was proposed */
    public double acceptedFraction() { return proposed == 0 ? Double.NaN : (double) accepted / proposed; }
}
