package org.llmenergy.experiment.results;

/**
 * The energy of one part of a cell's work (the whole run, prefill or decode) by one method, gross and net
 * of idle power.
 *
 * @param method    how it was obtained: {@code full-run}, {@code prefill-run} (a run generating one token),
 *                  {@code full-minus-prefill}, or {@code phase-window} (measured inside the full run)
 * @param seconds   the time the energy was spent over, seconds, or null when unknown
 * @param requests  requests measured
 * @param tokens    tokens of {@code tokenKind} the energy is divided by for per-token figures
 * @param tokenKind {@code input} (prefill), {@code decode} (the O − 1 tokens after the first) or {@code output}
 *                  (all O generated tokens, for the whole run)
 * @param gross     the figure as metered
 * @param net       the figure minus idle power × seconds
 */
public record PhaseEnergy(String method, Double seconds, int requests, long tokens, String tokenKind,
                           EnergyAmounts gross, EnergyAmounts net) {}
