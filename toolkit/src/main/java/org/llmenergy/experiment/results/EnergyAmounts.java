package org.llmenergy.experiment.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.llmenergy.units.Provenance;
import org.llmenergy.units.ValueOrReason;

/**
 * One energy figure, gross or net of idle, in the units the paper's figures use plus per-request and
 * per-token views. Absent values are null and {@code missingReason} says why.
 *
 * @param joules        energy of the measured requests, J
 * @param per1024J      energy per 1,024 requests, J (the paper's "energy for 1,024 examples"; runs of 4,096
 *                      requests at batch sizes above 256 are normalised the same way, footnote 2)
 * @param perRequestJ   energy per request, J
 * @param perTokenJ     energy per token of the figure's token kind, J (see {@link PhaseEnergy#tokenKind()})
 * @param meanPowerW    mean power over the figure's seconds, W
 * @param provenance    how the figure was obtained ({@code netOfIdle} tells gross from net); null when absent
 * @param missingReason why {@code joules} is null, else null
 */
public record EnergyAmounts(Double joules, Double per1024J, Double perRequestJ, Double perTokenJ, Double meanPowerW,
                            Provenance provenance, String missingReason) implements ValueOrReason {
    public EnergyAmounts {
        ValueOrReason.requireValueOrReason(joules, missingReason, "energy");
    }

    /** @return an absent figure with why */
    public static EnergyAmounts missing(String reason) { return new EnergyAmounts(null, null, null, null, null, null, reason); }

    /** Not a results-file field: the file says it with {@code joules} and {@code missingReason}. */
    @JsonIgnore
    @Override
    public boolean isPresent() { return joules != null; }
}
