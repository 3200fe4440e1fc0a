package org.llmenergy.estimate.paper;

import java.util.List;
import java.util.OptionalDouble;
import org.llmenergy.estimate.WorkloadEstimate;
import org.llmenergy.units.Energy;
import org.llmenergy.units.Provenance;

/**
 * An answer to "how much energy would this workload take on that GPU at that batch size", with an error band.
 *
 * @param question   the question, in words
 * @param joules     the estimate, in joules; empty when some bins could not be estimated (see {@code flags})
 * @param lowJoules  lower end of the one-sigma band, in joules; empty with {@code joules}
 * @param highJoules upper end of the one-sigma band, in joules; empty with {@code joules}
 * @param logSigma   the band's half-width in ln units (0.15 is about ±15%)
 * @param assumptions what the estimate assumes
 * @param flags      what it cannot vouch for (extrapolations, cross-GPU transfer, partial coverage)
 * @param provenance {@code model}, citing Figure 2
 * @param breakdown  the per-bin estimate behind it
 */
public record WhatIfAnswer(String question, OptionalDouble joules, OptionalDouble lowJoules, OptionalDouble highJoules,
                           double logSigma, List<String> assumptions, List<String> flags, Provenance provenance,
                           WorkloadEstimate breakdown) {
    public WhatIfAnswer {
        assumptions = List.copyOf(assumptions);
        flags = List.copyOf(flags);
    }

    /** @return the answer in one line, for example {@code "12.3 kWh (10.4 to 14.5 kWh, one sigma)"} */
    public String describe() {
        if (joules.isEmpty()) return "no complete estimate: " + String.join("; ", flags);
        return Energy.format(joules.getAsDouble()) + " (" + Energy.format(lowJoules.getAsDouble()) + " to "
                + Energy.format(highJoules.getAsDouble()) + ", one sigma; ESTIMATE)";
    }
}
