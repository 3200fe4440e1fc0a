package org.llmenergy.experiment.results;

/**
 * A repeat's energy split into prefill and decode two ways (see {@link org.llmenergy.experiment.protocol.CellProtocol} for why both).
 *
 * @param total         the full run (prefill of I tokens and O generated tokens per request)
 * @param prefill       the prefill run: every request generates one token
 * @param decode        full run minus prefill run: the O − 1 decode tokens
 * @param prefillWindow prefill measured with phase windows inside the full run
 * @param decodeWindow  decode measured with phase windows inside the full run
 */
public record PhaseEnergies(PhaseEnergy total, PhaseEnergy prefill, PhaseEnergy decode,
                            PhaseEnergy prefillWindow, PhaseEnergy decodeWindow) {}
