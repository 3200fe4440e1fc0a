package org.llmenergy.estimate;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.llmenergy.units.Provenance;

/**
 * One bin's share of a binned workload estimate.
 *
 * @param inputBin          I*, in tokens
 * @param outputBin         O*, in tokens
 * @param requests          N(I*, O*)
 * @param status            direct (this bin's own batch energy), interpolated or missing
 * @param batchSize         B(I*, O*), empty when missing
 * @param batches           N / B or ceil(N / B), empty when missing
 * @param batchEnergyJoules energy of one full batch, in joules (mean of the repeats used), empty when missing
 * @param energyJoules      the bin's energy, batches x batch energy, in joules; empty when missing
 * @param measurements      how many batch energies were averaged (0 for interpolated and missing bins)
 * @param note              what was done, or why the bin is missing
 * @param provenance        provenance of the batch energy; null when missing
 */
public record BinEstimate(
        int inputBin,
        int outputBin,
        long requests,
        Status status,
        OptionalInt batchSize,
        OptionalDouble batches,
        OptionalDouble batchEnergyJoules,
        OptionalDouble energyJoules,
        int measurements,
        String note,
        Provenance provenance) {

    /** Where a bin's energy comes from. */
    public enum Status {
        /**
         * From batch energies given for this very bin: measurements, or a per-bin model such as the Figure 2 fit
         * (the provenance says which).
         */
        DIRECT,
        /** Interpolated between measured neighbours, only when asked for. */
        INTERPOLATED,
        /** No measurement and no interpolation: the bin is not in the total. */
        MISSING
    }

    /** @return true when the bin contributes to the total */
    public boolean covered() { return status != Status.MISSING; }
}
