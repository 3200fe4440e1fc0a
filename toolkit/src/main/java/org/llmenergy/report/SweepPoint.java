package org.llmenergy.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One measured cell of a controlled sweep, averaged over its repeats, in the paper's figure units: the neutral
 * input of the controlled-sweep (Figures 2, 10, 11) and decoding-strategy (Figure 3) builders. Energies are
 * kWh per 1,024 examples; a missing energy is empty, never 0, and {@code notes} says why.
 *
 * @param configuration what ran, for example {@code "tiny-15m on cpu (djl)"}
 * @param decoding      the decoding strategy's key, for example {@code "greedy"} or {@code "beam(beamWidth=4)"}
 * @param batch         sequences per batch actually run
 * @param input         prompt tokens per request, I
 * @param output        generated tokens per request, O
 * @param prefillKwh    prefill energy (the run that generates one token), kWh per 1,024 examples
 * @param decodeKwh     decode energy (the O − 1 tokens after the first), kWh per 1,024 examples
 * @param totalKwh      the whole run, kWh per 1,024 examples
 * @param batchSeconds  mean wall time per batch of the whole run, seconds
 * @param repeats       repeats averaged
 * @param provenance    provenance label of the energies, for example {@code "cpu-time-estimate"}
 * @param notes         what was left out and why (invalid or missing repeats)
 */
public record SweepPoint(String configuration, String decoding, int batch, int input, int output, OptionalDouble prefillKwh,
                         OptionalDouble decodeKwh, OptionalDouble totalKwh, OptionalDouble batchSeconds, int repeats,
                         String provenance, List<String> notes) {
    public SweepPoint {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(prefillKwh, "prefillKwh");
        Objects.requireNonNull(decodeKwh, "decodeKwh");
        Objects.requireNonNull(totalKwh, "totalKwh");
        Objects.requireNonNull(batchSeconds, "batchSeconds");
        if (batch < 1 || input < 1 || output < 1) {
            throw new IllegalArgumentException("sweep point needs batch, input and output >= 1, got B=" + batch + " I=" + input + " O=" + output);
        }
        notes = List.copyOf(notes);
    }
}
